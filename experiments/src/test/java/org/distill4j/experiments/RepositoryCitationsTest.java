package org.distill4j.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments and documents cite only what is in the repository (issue 19). The team's design and method notes are
 * docs/design.md and docs/methods.md, so every citation of them names a path that exists (a bare name only beside
 * them, in docs/), and a section it gives ({@code §4(a')}, {@code §7.1(b)}) is a heading of that file; every cited
 * Markdown file under docs/ exists; a README that a comment places beside itself is there. Run records under
 * results/ are historical copies of descriptors and target/ holds build outputs, so neither is read. (This file
 * spells some names in pieces so that it does not cite them itself.)
 */
class RepositoryCitationsTest {

    /** Files whose text is read: sources, documents, descriptors, scripts; not binaries or data. */
    private static final Set<String> EXTENSIONS = Set.of("java", "md", "yaml", "yml", "py", "xml", "tex", "html", "sh",
            "properties");
    /** Folders whose extension-less files are scripts. */
    private static final Set<String> SCRIPT_FOLDERS = Set.of("scripts", ".ci");

    /** A path ending in the design or method notes, taken whole (not the tail of a longer path or a URL). */
    private static final Pattern NOTES = Pattern.compile("(?<![\\w./-])((?:[\\w.-]+/)*)(?:methods|design)\\.md\\b");
    /** A cited document under docs/, from the repository root or relative ({@code ../../docs/...}). */
    private static final Pattern DOCS = Pattern.compile("(?<![\\w./-])((?:\\.\\.?/)*docs/[\\w./-]*?\\.md)\\b");
    /** The section right after a citation, possibly past a closing backtick and a comment line break. */
    private static final Pattern SECTION = Pattern.compile(
            "`?[ \\t]*(?:\\R[ \\t]*(?:\\*|#|//)?[ \\t]*)?§(\\d+)(?:\\.(\\d+))?(?:\\(([a-z]'?)\\))?");
    /** A comment that places a README beside itself. */
    private static final String BESIDE = "README.md " + "beside this";

    @Test
    void everyCitationInTheRepositoryResolves() {
        Path root = repositoryRoot();

        List<String> problems = problems(root);

        assertThat(problems).as("citations of files or sections that are not in the repository").isEmpty();
    }

    @Test
    void bareNotesMissingDocumentsSectionsAndReadmesAreReported(@TempDir Path root) throws IOException {
        String notes = "methods" + ".md";
        String gone = "docs/" + "gone.md";
        String other = "docs/" + "other.md";
        write(root, "pom.xml", "<project/>");
        write(root, "docs/" + notes, "# Notes\n\n## 4. Attention\n\n### (a) Math\n\n### (a') Gradients\n\n"
                + "## 7. Pruning\n\n### 7.1 Filters\n\n(b) Configurations\n");
        write(root, other, "see " + notes + " §4 beside it\n");
        write(root, "a/Good.java", "/** docs/" + notes + " §4(a'), `docs/" + notes + "`\n * §7.1(b), ../docs/"
                + notes + " §7 and " + other + ". */\n");
        write(root, "a/Bare.java", "// section 4 of " + notes + "\n");
        write(root, "a/Section.java", "/* docs/" + notes + "\n * §4(b) and docs/" + notes + " §8 */\n");
        write(root, "a/Missing.md", "see " + gone + " and ../../docs/" + notes + "\n");
        write(root, "b/Beside.java", "/** " + BESIDE + " file. */\n");
        write(root, "results/old/descriptor.yaml", "# " + notes + " §99\n");
        write(root, "a/target/Built.java", "// " + notes + "\n");

        assertThat(problems(root)).containsExactlyInAnyOrder(
                "a/Bare.java:1: cites " + notes + ", which is not in the repository: cite docs/" + notes,
                "a/Missing.md:1: cites " + gone + ", which is not in the repository",
                "a/Missing.md:1: cites ../../docs/" + notes + ", which is not in the repository: cite docs/" + notes,
                "a/Section.java:2: cites docs/" + notes + " §4(b), which has no such section",
                "a/Section.java:2: cites docs/" + notes + " §8, which has no such section",
                "b/Beside.java:1: cites " + BESIDE + " file, and there is none");
    }

    /** The problems of every file read, as "path:line: what", in path order. */
    static List<String> problems(Path root) {
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles(root)) {
            String text = new String(read(file), StandardCharsets.UTF_8);
            String name = root.relativize(file).toString().replace('\\', '/');
            checkNotes(root, file, name, text, problems);
            checkDocuments(root, file, name, text, problems);
            int beside = text.indexOf(BESIDE);
            if (beside >= 0 && !Files.exists(file.resolveSibling("README.md"))) {
                problems.add(name + ":" + line(text, beside) + ": cites " + BESIDE + " file, and there is none");
            }
        }
        return problems;
    }

    private static void checkNotes(Path root, Path file, String name, String text, List<String> problems) {
        Matcher matcher = NOTES.matcher(text);
        while (matcher.find()) {
            String cited = matcher.group();
            Path target = cited.contains("/") ? resolve(root, file, cited) : file.resolveSibling(cited);
            if (!Files.isRegularFile(target)) {
                String fileName = cited.substring(cited.lastIndexOf('/') + 1);
                problems.add(name + ":" + line(text, matcher.start()) + ": cites " + cited
                        + ", which is not in the repository: cite docs/" + fileName);
                continue;
            }
            Matcher section = SECTION.matcher(text).region(matcher.end(), text.length());
            if (section.lookingAt() && !hasSection(new String(read(target), StandardCharsets.UTF_8), section)) {
                problems.add(name + ":" + line(text, section.end()) + ": cites " + cited + " "
                        + section.group().substring(section.group().indexOf('§')) + ", which has no such section");
            }
        }
    }

    private static void checkDocuments(Path root, Path file, String name, String text, List<String> problems) {
        Matcher matcher = DOCS.matcher(text);
        while (matcher.find()) {
            String cited = matcher.group(1);
            boolean notes = cited.endsWith("/methods.md") || cited.endsWith("/design.md");
            if (!notes && !Files.isRegularFile(resolve(root, file, cited))) {
                problems.add(name + ":" + line(text, matcher.start()) + ": cites " + cited
                        + ", which is not in the repository");
            }
        }
    }

    /** A path starting with ./ or ../ from the citing file's folder; any other from the repository root. */
    private static Path resolve(Path root, Path file, String cited) {
        return (cited.startsWith("./") || cited.startsWith("../") ? file.getParent() : root).resolve(cited)
                .normalize();
    }

    /**
     * Whether the notes have the cited section: a heading {@code ## N.}, within it {@code ### N.M}, and within that
     * a part {@code (x)} as a heading {@code ### (x)} or a paragraph that starts with it.
     */
    private static boolean hasSection(String document, Matcher section) {
        Optional<String> part = part(document, "^## " + section.group(1) + "\\. .*$", "^## ");
        if (part.isPresent() && section.group(2) != null) {
            part = part(part.get(), "^### " + section.group(1) + "\\." + section.group(2) + " .*$", "^#{2,3} ");
        }
        if (part.isPresent() && section.group(3) != null) {
            part = part(part.get(), "^(?:### )?\\(" + Pattern.quote(section.group(3)) + "\\) .*$", "^$^");
        }
        return part.isPresent();
    }

    /** The text from the first line matching {@code heading} to the next line matching {@code next}. */
    private static Optional<String> part(String text, String heading, String next) {
        Matcher start = Pattern.compile(heading, Pattern.MULTILINE).matcher(text);
        if (!start.find()) {
            return Optional.empty();
        }
        Matcher end = Pattern.compile(next, Pattern.MULTILINE).matcher(text);
        return Optional.of(text.substring(start.start(), end.find(start.end()) ? end.start() : text.length()));
    }

    private static List<Path> textFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !skipped(root, file))
                    .filter(file -> isText(root, file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run records (results/ at the root), build outputs (target/), git's folder and other hidden folders but .ci. */
    private static boolean skipped(Path root, Path file) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("results")) {
            return true;
        }
        for (int index = 0; index < relative.getNameCount() - 1; index++) {
            String folder = relative.getName(index).toString();
            if (folder.equals("target") || folder.equals("node_modules") || folder.equals("site-packages")
                    || folder.startsWith(".") && !folder.equals(".ci")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(Path root, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            return EXTENSIONS.contains(name.substring(dot + 1));
        }
        Path relative = root.relativize(file);
        return name.equals(".gitignore")
                || relative.getNameCount() == 2 && SCRIPT_FOLDERS.contains(relative.getName(0).toString());
    }

    /** The repository root: the nearest folder at or above the working directory that holds framework/api/pom.xml. */
    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("framework/api/pom.xml"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root (a folder with framework/api/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int index = 0; index < offset; index++) {
            if (text.charAt(index) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
