package dev.flowbench.editor.language;

import java.util.List;

/**
 * The names an expression can use besides references: the variables every run has, and Pebble's and Kestra's
 * functions and filters, each with the snippet to insert and a one-line explanation.
 */
final class PebbleCatalog {
    /** One name an expression can use. */
    record Entry(String name, String insert, String signature, String description) {}

    /** Roots of references, offered at the start of an expression. */
    static final List<Entry> ROOTS = List.of(
            new Entry("inputs", "inputs.", "inputs.<id>", "The flow's inputs, by id."),
            new Entry("outputs", "outputs.", "outputs.<task>", "Outputs of the tasks that ran before this one."),
            new Entry("vars", "vars.", "vars.<name>", "The flow's `variables`."),
            new Entry("flow", "flow.", "flow.id", "The flow: `id`, `namespace`, `revision`."),
            new Entry("execution", "execution.", "execution.id", "This run: `id`, `startDate`, `originalId`."),
            new Entry("task", "task.", "task.id", "The current task: `id`, `type`."),
            new Entry(
                    "taskrun",
                    "taskrun.",
                    "taskrun.value",
                    "The current task run: `id`, `startDate`, `value` inside ForEach."),
            new Entry("labels", "labels.", "labels.<name>", "The run's labels."));

    /** The fields of the built-in variables. */
    static final List<Entry> FLOW = List.of(
            field("id", "The flow's id."),
            field("namespace", "The flow's namespace."),
            field("revision", "The flow's revision."));

    static final List<Entry> EXECUTION = List.of(
            field("id", "The run's id."),
            field("startDate", "When the run started (ISO-8601)."),
            field("originalId", "The id of the run this one replays, or its own."));

    static final List<Entry> TASK = List.of(field("id", "The task's id."), field("type", "The task's type."));

    static final List<Entry> TASKRUN = List.of(
            field("id", "The task run's id."),
            field("startDate", "When the task run started."),
            field("value", "The current value inside `ForEach`."),
            field("attemptsCount", "How many attempts the task run has had."));

    /** The outputs of script tasks (shell and python, commands and script). */
    static final List<Entry> SCRIPT_OUTPUTS = List.of(
            new Entry("vars", "vars.", "vars.<name>", "Values the script printed as `::{\"outputs\":{…}}::`."),
            new Entry(
                    "outputFiles",
                    "outputFiles['$1']$0",
                    "outputFiles['<name>']",
                    "Files matched by the task's `outputFiles`, by name."),
            new Entry("exitCode", "exitCode", "exitCode", "The exit code of the last command."));

    static final List<Entry> FUNCTIONS = List.of(
            function("secret", "secret('$1')$0", "secret('NAME')", "The value of a secret of the current environment."),
            function("now", "now()$0", "now()", "The current date and time."),
            function("read", "read('$1')$0", "read('path')", "The content of a file of the namespace or of an output."),
            function("fromJson", "fromJson($1)$0", "fromJson(text)", "Parses JSON text into a value."),
            function("render", "render($1)$0", "render(text)", "Renders a string that holds an expression."),
            function("range", "range($1, $2)$0", "range(start, end)", "The list of numbers from start to end."),
            function("max", "max($1)$0", "max(a, b, …)", "The largest argument."),
            function("min", "min($1)$0", "min(a, b, …)", "The smallest argument."),
            function("errorLogs", "errorLogs()$0", "errorLogs()", "The error logs of the failed task (in `errors`)."));

    static final List<Entry> FILTERS = List.of(
            filter("upper", "Upper-cases text."),
            filter("lower", "Lower-cases text."),
            filter("capitalize", "Upper-cases the first letter."),
            filter("title", "Upper-cases the first letter of every word."),
            filter("trim", "Removes surrounding whitespace."),
            filter("default", "default($1)$0", "Uses the argument when the value is null or empty."),
            filter("replace", "replace({'$1': '$2'})$0", "Replaces substrings."),
            filter("split", "split('$1')$0", "Splits text into a list."),
            filter("join", "join('$1')$0", "Joins a list into text."),
            filter("length", "The number of items or characters."),
            filter("first", "The first item."),
            filter("last", "The last item."),
            filter("keys", "The keys of a map."),
            filter("values", "The values of a map."),
            filter("sort", "Sorts a list."),
            filter("reverse", "Reverses a list or text."),
            filter("slice", "slice($1, $2)$0", "A part of a list or text."),
            filter("abs", "The absolute value."),
            filter("numberFormat", "numberFormat('$1')$0", "Formats a number."),
            filter("date", "date('$1')$0", "Formats a date, e.g. `date('yyyy-MM-dd')`."),
            filter("dateAdd", "dateAdd($1, '$2')$0", "Adds an amount of a unit to a date."),
            filter("toJson", "Writes a value as JSON."),
            filter("jq", "jq('$1')$0", "Applies a jq expression."),
            filter("base64encode", "Encodes text in base64."),
            filter("base64decode", "Decodes base64 text."),
            filter("sha256", "The SHA-256 hash of text."),
            filter("urlencode", "Encodes text for a URL."),
            filter("abbreviate", "abbreviate($1)$0", "Shortens text to a length, with an ellipsis."),
            filter("escapeChar", "escapeChar('$1')$0", "Escapes a character set (`shell`, `single`, `double`)."));

    private PebbleCatalog() {}

    private static Entry field(String name, String description) {
        return new Entry(name, name, name, description);
    }

    private static Entry function(String name, String insert, String signature, String description) {
        return new Entry(name, insert, signature, description);
    }

    private static Entry filter(String name, String description) {
        return new Entry(name, name, "| " + name, description);
    }

    private static Entry filter(String name, String insert, String description) {
        return new Entry(name, insert, "| " + insert.replaceAll("\\$\\d", "").replace("''", "'…'"), description);
    }
}
