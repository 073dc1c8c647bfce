/** Where the build keeps its intermediate files (gitignored), shared by the build script and loaders. */
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";

export const BUILD_DIR = join(PROJECT_ROOT, ".cs-build");
/** Files the site reads, written once per build by scripts/build.ts and packed by src/data loaders. */
export const SITE_DATA_DIR = join(BUILD_DIR, "site-data");
export const MANIFEST_PATH = join(SITE_DATA_DIR, "manifest.json");
