package org.distill4j.report;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plots are PNG images of a fixed size, drawn the same way every time, also before anything has run. */
class PlotRendererTest {

    @TempDir
    Path directory;

    private TestProject project;
    private final PlotRenderer renderer = new PlotRenderer();

    @BeforeEach
    void createProject() {
        project = TestProject.create(directory);
    }

    @Test
    void everyPlotOfTheSpecIsAPngNamedAfterTheTable() throws IOException {
        finishColumnRuns();

        List<RenderedPlot> plots = renderer.render(project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null));

        assertThat(plots).extracting(RenderedPlot::fileName).containsExactly("demo-temperature-1-parameter.png",
                "demo-temperature-2-epochs.png");
        assertThat(plots).extracting(RenderedPlot::title).containsOnly("Demo: KD by temperature");
        for (RenderedPlot plot : plots) {
            assertThat(image(plot).getWidth()).isEqualTo(ChartStyle.WIDTH);
            assertThat(image(plot).getHeight()).isEqualTo(ChartStyle.HEIGHT);
        }
    }

    @Test
    void theSameTableGivesTheSameBytes() {
        finishColumnRuns();
        Path spec = project.spec("temperature.yaml", DemoSpecs.COLUMNS);

        List<RenderedPlot> first = renderer.render(project.build(spec, null));
        List<RenderedPlot> second = renderer.render(project.build(spec, null));

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).png()).isEqualTo(first.get(i).png());
        }
    }

    @Test
    void aTableWithoutRunsStillHasItsPlots() throws IOException {
        List<RenderedPlot> plots = renderer.render(project.build(project.spec("temperature.yaml", DemoSpecs.COLUMNS), null));

        assertThat(plots).hasSize(2);
        for (RenderedPlot plot : plots) {
            assertThat(image(plot)).isNotNull();
        }
    }

    @Test
    void textColumnValuesArePlacedInOrderAndLabelled() throws IOException {
        Path spec = project.spec("schedule.yaml", """
                table: demo/schedule
                title: "Demo: by schedule"
                metric: test-accuracy
                columns: {label: schedule, parameter: training.schedule.name, values: [constant, cosine]}
                rows:
                  - {label: Student, experiment: ../student.yaml}
                plots:
                  - {type: parameter}
                """);
        project.finished(project.resolve("student.yaml", null, TestProject.override("training.schedule.name=cosine")),
                1, 0.8);

        List<RenderedPlot> plots = renderer.render(project.build(spec, null));

        assertThat(image(plots.get(0)).getWidth()).isEqualTo(ChartStyle.WIDTH);
    }

    @Test
    void anEpochsPlotOfAMetricWithoutHistorySaysWhichKeysWork() {
        ResolvedExperiment teacher = project.resolve("teacher.yaml", null);
        project.finished(teacher, 1, 0.9);
        Path spec = project.spec("demo.yaml", DemoSpecs.ROWS.replace("{type: epochs, title: \"Accuracy per epoch\"}",
                "{type: epochs, metric: selected-epoch}"));
        Table table = project.build(spec, null);

        assertThatThrownBy(() -> renderer.render(table)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("history.selected-epoch").hasMessageContaining("test-accuracy");
    }

    private void finishColumnRuns() {
        project.finished(project.resolve("teacher.yaml", null), 1, 0.95);
        project.finished(project.resolve("teacher.yaml", null), 2, 0.96);
        for (String temperature : List.of("2", "8")) {
            ResolvedExperiment kd = project.resolve("kd.yaml", null,
                    TestProject.override("distiller.params.temperature=" + temperature));
            project.finished(kd, 1, 0.90 - Integer.parseInt(temperature) / 100.0);
            project.finished(kd, 2, 0.91 - Integer.parseInt(temperature) / 100.0);
        }
        project.finished(project.resolve("student.yaml", null, TestProject.override("training.epochs=2")), 1, 0.7);
    }

    private static BufferedImage image(RenderedPlot plot) throws IOException {
        byte[] png = plot.png();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
