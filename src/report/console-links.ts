// Links into the Google Cloud console for a table's transfer config or destination table,
// so a reader of a summary lands on the run or the data with one click.

const CONSOLE = 'https://console.cloud.google.com';

export interface ConsoleContext {
  projectId?: string | undefined;
  location?: string | undefined;
}

const CONFIG_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/transferConfigs\/([^/]+)$/;

/** The runs page of a transfer config, from its resource name. */
function transferRunsUrl(configName: string | undefined, context: ConsoleContext): string | undefined {
  if (!configName) return undefined;
  const match = CONFIG_NAME.exec(configName);
  if (!match) return undefined;
  const [, configProject, location, configId] = match as unknown as [string, string, string, string];
  // A config name may carry the project number; the console wants the id when known.
  const project = context.projectId ?? configProject;
  return `${CONSOLE}/bigquery/transfers/locations/${encodeURIComponent(location)}/configs/${encodeURIComponent(
    configId,
  )}/runs?project=${encodeURIComponent(project)}`;
}

/** The BigQuery console page of a destination, `project.dataset.table` or `dataset.table`. */
export function tableUrl(destination: string, context: ConsoleContext): string | undefined {
  const parts = destination.split('.');
  const [project, dataset, table] =
    parts.length === 3 ? parts : parts.length === 2 ? [context.projectId, ...parts] : [undefined];
  if (!project || !dataset || !table) return undefined;
  const p = encodeURIComponent(project);
  return `${CONSOLE}/bigquery?project=${p}&ws=!1m5!1m4!4m3!1s${p}!2s${encodeURIComponent(
    dataset,
  )}!3s${encodeURIComponent(table)}`;
}

interface Linked {
  console_url?: string | undefined;
  destination: string;
  partitions: readonly { status: string; run_name?: string | undefined }[];
}

/**
 * The best link for a table's result: what the lifecycle gave, else the transfer runs of
 * its first failed partition (where the error is), else the table.
 */
export function resultConsoleUrl(result: Linked, context: ConsoleContext): string | undefined {
  const failedRun = result.partitions.find(
    (partition) => partition.status === 'failed' && partition.run_name,
  );
  const configName = failedRun?.run_name?.split('/runs/')[0];
  return result.console_url ?? transferRunsUrl(configName, context) ?? tableUrl(result.destination, context);
}
