package org.distill4j.report;

/** The table specs the tests build, over the descriptors of {@link TestProject}. */
final class DemoSpecs {

    /** One value per row, a paper column on two rows, and an epochs plot. */
    static final String ROWS = """
            table: demo
            title: "Demo: test accuracy (%)"
            metric: test-accuracy
            scale: 100
            format: "%.1f"
            rows:
              - {label: Teacher, experiment: ../teacher.yaml, paper: "99.3 (67 errors)"}
              - {label: Student, experiment: ../student.yaml}
              - {label: KD, experiment: ../kd.yaml, paper: "98.9"}
            plots:
              - {type: epochs, title: "Accuracy per epoch"}
            notes: "Synthetic data; compare rows, not levels."
            """;

    /**
     * Columns over the temperature: a fixed teacher row, a KD row that takes the columns' parameter, and a student
     * row that sets its own parameter (the number of epochs) to the column values.
     */
    static final String COLUMNS = """
            table: demo/temperature
            title: "Demo: KD by temperature"
            metric: test-accuracy
            scale: 100
            columns: {label: T, parameter: distiller.params.temperature, values: [2, 8]}
            rows:
              - {label: Teacher, experiment: ../teacher.yaml, fixed: true}
              - {label: KD, experiment: ../kd.yaml}
              - {label: "Student, epochs = T", experiment: ../student.yaml, parameter: training.epochs}
            plots:
              - {type: parameter}
              - {type: epochs}
            """;

    private DemoSpecs() {
    }
}
