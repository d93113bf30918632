/**
 * The `<meta name="generator">` every HTML report grounded writes carries in its head. A file without it is not
 * a grounded report, and `--report` will not overwrite it without `--force`.
 */
export const reportMarker = '<meta name="generator" content="grounded report">';
