import {
  emulatorCommand,
  exportLine,
  writeDemoLake
} from "./chunk-Y4OE6VQL.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  emulatorCommand,
  exportLine,
  writeDemoLake
};
