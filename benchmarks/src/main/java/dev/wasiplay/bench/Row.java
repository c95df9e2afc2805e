package dev.wasiplay.bench;

/**
 * One line of the table. {@code samples} is null when the runner failed the workload; {@code note} then says
 * why. Ratios and goal are already worded ("0.43x runno", "&lt;= 0.5x fastest peer: MET").
 */
record Row(String part, String workload, String runner, Samples samples, String unit, String minRatio,
        String medianRatio, String goal, String note) {

    static Row measured(String part, String workload, String runner, Samples samples, String unit) {
        return new Row(part, workload, runner, samples, unit, "", "", "", "");
    }

    static Row failed(String part, String workload, String runner, String why) {
        return new Row(part, workload, runner, null, "", "", "", "", why);
    }

    Row ratios(String min, String median) {
        return new Row(part, workload, runner, samples, unit, min, median, goal, note);
    }

    Row goal(String text) {
        return new Row(part, workload, runner, samples, unit, minRatio, medianRatio, text, note);
    }

    Row note(String text) {
        return new Row(part, workload, runner, samples, unit, minRatio, medianRatio, goal, text);
    }
}
