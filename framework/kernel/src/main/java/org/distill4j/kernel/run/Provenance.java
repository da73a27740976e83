package org.distill4j.kernel.run;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.plugin.PluginVersions;
import org.distill4j.models.backend.LayerHelperState;
import org.distill4j.models.backend.LayerHelpers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run came from (Tribuo-style provenance): code, descriptor, seed, plugins, backend, machine, data and
 * teacher. Written to {@code provenance.json}; everything that varies between identical runs (times) lives here,
 * never in {@code metrics.json}.
 */
final class Provenance {

    static Map<String, Object> plugins(List<Distill4jPlugin> plugins) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Distill4jPlugin plugin : plugins) {
            result.put(plugin.name(), Map.of("class", plugin.getClass().getName(), "version", PluginVersions.version(plugin)));
        }
        return result;
    }

    static Map<String, Object> backend() {
        LayerHelperState state = LayerHelpers.state();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("nd4j-backend", state.backend());
        result.put("native-classifier", state.nativeClassifier());
        result.put("native-features", state.nativeFeatures());
        result.put("layer-helpers", state.helpersEnabled());
        result.put("onednn", state.oneDnnInUse());
        result.put("omp-num-threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        return result;
    }

    static Map<String, Object> machine() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        result.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        result.put("cpu", cpuModel());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        return result;
    }

    static Map<String, Object> data(Dataset dataset) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", dataset.name());
        result.put("train", dataset.train().size());
        result.put("validation", dataset.validation().size());
        result.put("test", dataset.test().size());
        List<Map<String, Object>> files = new ArrayList<>();
        for (DataFile file : dataset.files()) {
            files.add(Map.of("location", file.location(), "sha256", file.sha256(), "bytes", file.bytes()));
        }
        result.put("files", files);
        return result;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(line -> line.startsWith("model name")).findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }

    private Provenance() {
    }
}
