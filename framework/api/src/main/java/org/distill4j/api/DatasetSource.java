package org.distill4j.api;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;

/**
 * A named source of labelled images. Loading is deterministic: the same parameters and seed give the same splits.
 * A missing, truncated or corrupt file is reported with its path.
 */
public interface DatasetSource {

    Dataset load(DataContext context);
}
