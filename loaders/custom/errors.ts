/** The one message a broken custom metric gives: the file, the line (when known) and what is wrong. */
import {ConfigError} from "../config.js";
import {displayPath} from "../ingest/errors.js";

/**
 * A custom SQL file the build cannot use. A ConfigError (the custom folder is part of the report's
 * configuration), so the build and the metrics CLI print it as one line and exit 1.
 */
export class CustomSqlError extends ConfigError {
  constructor(file: string, message: string, at?: {line: number; column?: number}) {
    const where = at ? `:${at.line}${at.column ? `:${at.column}` : ""}` : "";
    super(`${displayPath(file)}${where}: ${message}`);
    this.name = "CustomSqlError";
  }
}
