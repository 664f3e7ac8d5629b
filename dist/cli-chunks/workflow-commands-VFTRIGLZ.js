// src/cli/workflow-commands.ts
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function errorAnnotation(properties, message) {
  const props = [
    `file=${escapeProperty(properties.file)}`,
    `line=${properties.line}`,
    `col=${properties.col}`,
    ...properties.title ? [`title=${escapeProperty(properties.title)}`] : []
  ];
  return `::error ${props.join(",")}::${escapeData(message)}`;
}
export {
  errorAnnotation,
  escapeData,
  escapeProperty
};
