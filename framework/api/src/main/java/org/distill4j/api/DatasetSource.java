package org.distill4j.api;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.data.DatasetInfo;

/**
 * A named source of labelled images. Loading is deterministic: the same parameters and seed give the same splits.
 * A missing, truncated or corrupt file is reported with its path.
 */
public interface DatasetSource {

    /** Image shape and class names, known without reading any file (validation uses it). */
    DatasetInfo info();

    Dataset load(DataContext context);
}
