import {
  DEMO_LAKE_AGE_MS,
  emulatorCommand,
  exportLine,
  writeDemoLake
} from "./chunk-5I5L7ROS.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  DEMO_LAKE_AGE_MS,
  emulatorCommand,
  exportLine,
  writeDemoLake
};
