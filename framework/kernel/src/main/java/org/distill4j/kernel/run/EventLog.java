package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.EpochRecord;
import org.distill4j.kernel.engine.ProgressListener;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.records.EpochEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON line per epoch to {@code events.jsonl} as training goes, and forwards progress. */
final class EventLog implements ProgressListener {

    private final Path file;
    private final String stage;
    private final ProgressListener next;

    EventLog(Path file, String stage, ProgressListener next) {
        this.file = file;
        this.stage = stage;
        this.next = next;
    }

    @Override
    public void batch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
            double secondsLeft) {
        next.batch(epoch, epochs, batch, batches, loss, imagesPerSecond, secondsLeft);
    }

    @Override
    public void epoch(EpochRecord record, int epochs) {
        EpochEvent line = new EpochEvent(stage, record.epoch(), record.learningRate(), record.trainLoss(),
                record.terms(), record.trainAccuracy(), record.validationAccuracy(), record.testAccuracy(),
                record.seconds(), record.imagesPerSecond());
        try {
            Files.writeString(file, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + FileErrors.describe(e), e);
        }
        next.epoch(record, epochs);
    }
}
