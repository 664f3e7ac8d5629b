// The monitored-resource types the local Cloud Logging describes in
// ListMonitoredResourceDescriptors: the two its entries use (DTS's `bigquery_dts_config`
// and the clients' default `global`), not the hundreds the real service lists.

interface LabelDescriptor {
  key: string;
  valueType: 'STRING';
  description: string;
}

export interface ResourceDescriptor {
  name: string;
  type: string;
  displayName: string;
  description: string;
  labels: LabelDescriptor[];
  launchStage: 'GA';
}

const projectLabel: LabelDescriptor = {
  key: 'project_id',
  valueType: 'STRING',
  description:
    'The identifier of the Google Cloud project associated with this resource, such as "my-project".',
};

export const RESOURCE_DESCRIPTORS: readonly ResourceDescriptor[] = [
  {
    name: 'monitoredResourceDescriptors/bigquery_dts_config',
    type: 'bigquery_dts_config',
    displayName: 'BigQuery DTS Config',
    description: 'A BigQuery Data Transfer Service transfer configuration.',
    labels: [
      projectLabel,
      { key: 'location', valueType: 'STRING', description: 'The location of the transfer configuration.' },
      { key: 'config_id', valueType: 'STRING', description: 'The ID of the transfer configuration.' },
    ],
    launchStage: 'GA',
  },
  {
    name: 'monitoredResourceDescriptors/global',
    type: 'global',
    displayName: 'Global',
    description: 'A resource type that is not associated with any specific resource.',
    labels: [projectLabel],
    launchStage: 'GA',
  },
];
