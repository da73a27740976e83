package org.distill4j.kernel.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A checkpoint in one file, written beside it and moved into place. It belongs to one identity (the experiment, its
 * seed, the training's label and the code): a checkpoint of another identity is discarded, with the reason said.
 */
public final class FileTrainerCheckpoint implements TrainerCheckpoint {

    private final Path file;
    private final String identity;
    private final Consumer<String> say;

    /**
     * @param identity what the state belongs to; a kept state with another identity is not used
     * @param say      where resuming and discarding are reported
     */
    public FileTrainerCheckpoint(Path file, String identity, Consumer<String> say) {
        this.file = Objects.requireNonNull(file, "file");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.say = Objects.requireNonNull(say, "say");
    }

    @Override
    public Optional<TrainerState> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String kept = in.readUTF();
            if (!kept.equals(identity)) {
                say.accept("the checkpoint " + file.getFileName() + " was written for " + kept + ", not " + identity
                        + " (the code or the descriptor changed); starting over");
                Files.delete(file);
                return Optional.empty();
            }
            TrainerState state = TrainerState.read(in);
            say.accept("resuming from the checkpoint after epoch " + state.completedEpochs() + " ("
                    + file.getFileName() + ")");
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            say.accept("the checkpoint " + file + " cannot be read (" + e.getMessage() + "); starting over");
            return Optional.empty();
        }
    }

    @Override
    public void save(TrainerState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".checkpoint", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary)))) {
                out.writeUTF(identity);
                state.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
