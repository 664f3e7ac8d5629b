import {
  emulatorCommand,
  exportLine,
  writeDemoLake
} from "./chunk-DEQNHKSG.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  emulatorCommand,
  exportLine,
  writeDemoLake
};
