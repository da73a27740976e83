package org.distill4j.kernel.run;

import org.distill4j.api.Distill4jPlugin;
import org.distill4j.api.data.DataFile;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.plugin.PluginVersions;
import org.distill4j.kernel.records.RunProvenance;
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

    static Map<String, RunProvenance.PluginProvenance> plugins(List<Distill4jPlugin> plugins) {
        Map<String, RunProvenance.PluginProvenance> result = new LinkedHashMap<>();
        for (Distill4jPlugin plugin : plugins) {
            result.put(plugin.name(), new RunProvenance.PluginProvenance(plugin.getClass().getName(),
                    PluginVersions.version(plugin)));
        }
        return result;
    }

    static RunProvenance.BackendProvenance backend() {
        LayerHelperState state = LayerHelpers.state();
        return new RunProvenance.BackendProvenance(state.backend(), state.nativeClassifier(), state.nativeFeatures(),
                state.helpersEnabled(), state.oneDnnInUse(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
    }

    static RunProvenance.MachineProvenance machine() {
        return new RunProvenance.MachineProvenance(System.getProperty("java.vendor") + " "
                + System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    static RunProvenance.DataProvenance data(Dataset dataset) {
        List<RunProvenance.DataFileProvenance> files = new ArrayList<>();
        for (DataFile file : dataset.files()) {
            files.add(new RunProvenance.DataFileProvenance(file.location(), file.sha256(), file.bytes()));
        }
        return new RunProvenance.DataProvenance(dataset.name(), dataset.train().size(), dataset.validation().size(),
                dataset.test().size(), files);
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
