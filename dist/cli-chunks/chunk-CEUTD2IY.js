// src/cli/command.ts
var UsageError = class extends Error {
  name = "UsageError";
};

export {
  UsageError
};
