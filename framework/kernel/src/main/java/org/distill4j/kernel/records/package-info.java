/**
 * Typed records of everything a run writes to its directory: {@code metrics.json} ({@link RunMetrics}),
 * {@code provenance.json} ({@link RunProvenance}) and the lines of {@code events.jsonl} ({@link EpochEvent}).
 * Property names are the records' components in kebab-case, written in alphabetical order
 * ({@code org.distill4j.kernel.run.Json}), so the files read as the maps that wrote them before these records did.
 * A component annotated {@code NON_NULL} is left out when it does not apply; the others are always written, as
 * {@code null} where there is no value.
 */
package org.distill4j.kernel.records;
