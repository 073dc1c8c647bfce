// Types for palette.js (used by unit tests of the chart rules).
export const OKABE_ITO: Record<"black" | "orange" | "skyBlue" | "bluishGreen" | "yellow" | "blue" | "vermillion" | "reddishPurple" | "grey", string>;
export const CATEGORICAL: string[];
export const BAND_COLORS: Record<"red" | "yellow" | "green", string>;
export const BANDS: string[];
export const MOVEMENT_COLORS: Record<string, string>;
export const MOVEMENTS: string[];
export const STATUS_COLORS: Record<"met" | "notMet" | "none", string>;
export function bandScale(tr: (key: string) => string): object;
export function movementScale(tr: (key: string) => string): object;
