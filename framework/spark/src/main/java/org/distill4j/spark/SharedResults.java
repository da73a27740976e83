package org.distill4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A result store behind Hadoop's FileSystem API ({@code hdfs://}, {@code s3a://}, {@code file://}): the runs of a
 * sweep whose executors share no file system. Runs are staged: a task copies in the runs it reads, trains into a local
 * store, and publishes the finished run here; the driver copies the records into the sweep machine's results folder.
 *
 * <p>Every file is written under a temporary name and renamed into place, and {@code DONE} is written last: a run
 * without DONE is unfinished, whatever else it holds (on HDFS the rename is atomic; on an object store a rename is a
 * copy, and DONE, an empty object, still appears whole or not at all). Paths are relative to the store's root:
 * {@code <experiment>/<hash12>/seed-<n>}, as in a local store.
 */
public final class SharedResults {

    static final String DONE = "DONE";
    static final String CHECKPOINTS = "checkpoints";
    static final String MODEL = "model.zip";
    private static final String PARTIAL = ".partial";

    private final FileSystem fileSystem;
    private final Path root;

    /**
     * @param uri     the store's root
     * @param hadoop  Hadoop settings (the driver's {@code spark.hadoop.*} ones, without the prefix)
     */
    public SharedResults(String uri, Map<String, String> hadoop) throws IOException {
        Configuration configuration = new Configuration();
        hadoop.forEach(configuration::set);
        Path given = new Path(Objects.requireNonNull(uri, "uri"));
        this.fileSystem = given.getFileSystem(configuration);
        this.root = fileSystem.makeQualified(given);
    }

    public String uri() {
        return root.toString();
    }

    public boolean isDone(String run) throws IOException {
        return fileSystem.exists(new Path(path(run), DONE));
    }

    /** The relative paths of every run the store holds with its DONE. */
    public List<String> doneRuns() throws IOException {
        List<String> runs = new ArrayList<>();
        if (!fileSystem.exists(root)) {
            return runs;
        }
        String prefix = root.toUri().getPath().replaceAll("/+$", "") + "/";
        RemoteIterator<LocatedFileStatus> files = fileSystem.listFiles(root, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().equals(DONE)) {
                runs.add(file.getParent().toUri().getPath().substring(prefix.length()));
            }
        }
        return runs;
    }

    /**
     * Copies a run's files into a local store, DONE last.
     *
     * @param withModel   whether {@code model.zip} comes too (a teacher's does; the records a sweep keeps do not)
     * @param checkpoints whether only the checkpoints come (an unfinished run's, to resume) instead of the records
     */
    public void fetch(String run, java.nio.file.Path store, boolean withModel, boolean checkpoints)
            throws IOException {
        Path remote = checkpoints ? new Path(path(run), CHECKPOINTS) : path(run);
        if (!fileSystem.exists(remote)) {
            return;
        }
        java.nio.file.Path local = store.resolve(run).resolve(checkpoints ? CHECKPOINTS : "");
        Files.createDirectories(local);
        boolean done = false;
        for (FileStatus file : fileSystem.listStatus(remote)) {
            String name = file.getPath().getName();
            if (file.isDirectory() || name.endsWith(PARTIAL) || (!withModel && name.equals(MODEL))) {
                continue;
            }
            if (name.equals(DONE)) {
                done = true;
            } else {
                download(file.getPath(), local.resolve(name));
            }
        }
        if (done) {
            download(new Path(remote, DONE), local.resolve(DONE));
        }
    }

    /** Copies a file into the store under a temporary name and renames it into place, replacing what was there. */
    public void put(java.nio.file.Path local, String relative) throws IOException {
        Path target = path(relative);
        Path partial = new Path(target.getParent(), target.getName() + PARTIAL);
        fileSystem.mkdirs(target.getParent());
        try (InputStream in = Files.newInputStream(local); OutputStream out = fileSystem.create(partial, true)) {
            in.transferTo(out);
        }
        if (fileSystem.exists(target)) {
            fileSystem.delete(target, false);
        }
        if (!fileSystem.rename(partial, target)) {
            throw new IOException("cannot rename " + partial + " to " + target);
        }
    }

    /**
     * Publishes a finished run of a local store: every file but its checkpoints and DONE, then DONE; the store's
     * checkpoints of the run are removed after.
     */
    public void publish(String run, java.nio.file.Path store) throws IOException {
        java.nio.file.Path local = store.resolve(run);
        try (var files = Files.list(local)) {
            for (java.nio.file.Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(DONE)) {
                    put(file, run + "/" + name);
                }
            }
        }
        put(local.resolve(DONE), run + "/" + DONE);
        fileSystem.delete(new Path(path(run), CHECKPOINTS), true);
    }

    /** Appends a local file to a file of the store (rewritten whole: object stores cannot append). */
    public void append(java.nio.file.Path local, String relative) throws IOException {
        java.nio.file.Path joined = Files.createTempFile(local.getParent(), ".joined", ".tmp");
        try {
            appendTo(relative, 0, joined);
            try (OutputStream out = Files.newOutputStream(joined, java.nio.file.StandardOpenOption.APPEND)) {
                Files.copy(local, out);
            }
            put(joined, relative);
        } finally {
            Files.deleteIfExists(joined);
        }
    }

    /** The length of a file in the store, 0 when it does not exist. */
    public long length(String relative) throws IOException {
        Path file = path(relative);
        return fileSystem.exists(file) ? fileSystem.getFileStatus(file).getLen() : 0;
    }

    /** Appends a file of the store, from a byte offset on, to a local file. */
    public void appendTo(String relative, long offset, java.nio.file.Path local) throws IOException {
        Path file = path(relative);
        if (!fileSystem.exists(file)) {
            return;
        }
        try (FSDataInputStream in = fileSystem.open(file);
             OutputStream out = Files.newOutputStream(local, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.APPEND)) {
            in.seek(offset);
            in.transferTo(out);
        }
    }

    private void download(Path remote, java.nio.file.Path local) throws IOException {
        java.nio.file.Path partial = local.resolveSibling(local.getFileName() + PARTIAL);
        try (InputStream in = fileSystem.open(remote)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path path(String relative) {
        return new Path(root, relative);
    }
}
