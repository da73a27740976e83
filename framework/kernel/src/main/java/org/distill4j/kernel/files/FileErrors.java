package org.distill4j.kernel.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What the file system said, in words. Java's file-system exceptions often carry only the path as their message
 * ({@code AccessDeniedException: /results}), which reads as no reason at all; this puts the reason back.
 */
public final class FileErrors {

    private FileErrors() {
    }

    public static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + message;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + message;
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory: " + message;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty: " + message;
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() == null) {
            return e.getClass().getSimpleName() + ": " + message;
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
}
