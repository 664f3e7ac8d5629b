// DTS runtime parameters: `{run_date}` and `{run_time[+-offset]|"strftime format"}` in a
// data_path or destination table template, rendered in UTC from the run's runTime.
// Offsets are hours, minutes and seconds in that order (decimals allowed, no days).

const TOKEN = /\{([^{}]*)\}/g;
const RUN_TIME =
  /^run_time(?:([+-])(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?(?:\|"([^"]*)")?$/;

/** What DTS uses when `{run_time}` has no format. */
const DEFAULT_RUN_TIME_FORMAT = '%Y%m%d';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The strftime directives runtime parameters are documented with, in UTC. */
function strftimeUtc(format: string, time: Date): string {
  return format.replace(/%([YymdHMSjeF%])/g, (_all, directive: string) => {
    switch (directive) {
      case 'Y':
        return pad(time.getUTCFullYear(), 4);
      case 'y':
        return pad(time.getUTCFullYear() % 100);
      case 'm':
        return pad(time.getUTCMonth() + 1);
      case 'd':
        return pad(time.getUTCDate());
      case 'e':
        return String(time.getUTCDate()).padStart(2, ' ');
      case 'H':
        return pad(time.getUTCHours());
      case 'M':
        return pad(time.getUTCMinutes());
      case 'S':
        return pad(time.getUTCSeconds());
      case 'j': {
        const start = Date.UTC(time.getUTCFullYear(), 0, 1);
        return pad(Math.floor((time.getTime() - start) / 86_400_000) + 1, 3);
      }
      case 'F':
        return `${pad(time.getUTCFullYear(), 4)}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())}`;
      default:
        return '%';
    }
  });
}

function renderToken(token: string, runTime: Date): string {
  if (token === 'run_date') return strftimeUtc('%Y%m%d', runTime);
  const match = RUN_TIME.exec(token);
  if (!match) {
    throw new TemplateError(
      `Invalid runtime parameter {${token}}: use {run_date} or {run_time[+-offset]|"format"} with offsets in h, m, s (no whitespace).`,
    );
  }
  const [, sign, hours, minutes, seconds, format] = match;
  if (sign && !hours && !minutes && !seconds) {
    throw new TemplateError(
      `Invalid runtime parameter {${token}}: the offset needs a unit (h, m or s); days are not supported.`,
    );
  }
  const offsetMs =
    (Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) *
    1000 *
    (sign === '-' ? -1 : 1);
  return strftimeUtc(format ?? DEFAULT_RUN_TIME_FORMAT, new Date(runTime.getTime() + offsetMs));
}

/** Renders every `{…}` parameter; throws TemplateError for one DTS would refuse. */
export function renderRuntimeParams(template: string, runTime: Date): string {
  return template.replace(TOKEN, (_all, token: string) => renderToken(token, runTime));
}

/** Validates a template at config creation, as DTS does, by rendering it once. */
export function checkTemplate(template: string): void {
  renderRuntimeParams(template, new Date(0));
}
