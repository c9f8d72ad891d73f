package dev.flowbench.app.desktop.run;

import dev.flowbench.app.desktop.run.RunPreparation.InputField;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.TaskPlan;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The run panel: inputs form and Run/Stop/Plan on top; a task table, the log console (virtualized, filterable,
 * following the tail) and the selected task's outputs and output files (open, save as…); a Plan tab and a History
 * tab.
 */
public final class RunView extends TabPane {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** What the run panel asks of the window for output files. */
    public interface OutputFiles {
        /** Shows a text output file (in a read-only tab). */
        void openText(TaskOutputFile file);

        /** Opens a file with the system's viewer. */
        void openWithSystem(Path file);

        /** Asks where to save {@code file}; empty when the user cancels. */
        Optional<Path> chooseTarget(TaskOutputFile file);
    }

    private final RunViewModel run;
    private final Supplier<String> source;
    private final OutputFiles files;

    /**
     * @param source the text of the flow to run (the current editor's)
     * @param files opens and saves output files
     */
    public RunView(RunViewModel run, Supplier<String> source, OutputFiles files) {
        this.run = run;
        this.source = source;
        this.files = files;
        getStyleClass().add("run-view");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        var history = new Tab("History", historyPane());
        history.setOnSelectionChanged(e -> {
            if (history.isSelected()) {
                run.historyShown();
            }
        });
        getTabs().addAll(new Tab("Run", runPane()), new Tab("Plan", planPane()), history);
    }

    private BorderPane runPane() {
        var start = new Button("▶ Run");
        start.getStyleClass().add("run-start");
        start.disableProperty().bind(run.runningProperty());
        start.setOnAction(e -> run.run(source.get(), null));
        var stop = new Button("■ Stop");
        stop.getStyleClass().add("run-stop");
        stop.disableProperty().bind(run.runningProperty().not());
        stop.setOnAction(e -> run.stop());
        var state = new Label();
        state.getStyleClass().add("run-state");
        state.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> run.executionProperty().get() == null
                                ? ""
                                : run.executionProperty().get().flowId() + " · "
                                        + run.executionProperty().get().state(),
                        run.executionProperty()));
        var message = new Label();
        message.getStyleClass().add("run-message");
        message.textProperty().bind(run.messageProperty());
        var inputs = new FlowPane(8, 4);
        inputs.getStyleClass().add("run-inputs");
        showInputs(inputs);
        run.inputs().addListener((ListChangeListener<InputField>) c -> showInputs(inputs));
        var bar = new HBox(8, start, stop, state, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("run-toolbar");

        var tasks = new TableView<>(run.tasks());
        tasks.getStyleClass().add("run-tasks");
        tasks.setPlaceholder(new Label("Press Run (F5) to run the flow of the current tab"));
        tasks.getColumns().add(column("Task", 150, TaskRow::taskId));
        tasks.getColumns().add(column("State", 90, r -> r.state().name()));
        tasks.getColumns().add(column("Time", 70, TaskRow::duration));
        tasks.getColumns().add(column("Attempts", 70, r -> String.valueOf(r.attempts())));
        var outputs = new TextArea();
        outputs.setEditable(false);
        outputs.getStyleClass().add("run-outputs");
        outputs.setPromptText("Outputs of the selected task");
        outputs.textProperty().bind(run.outputs().descriptionProperty());
        tasks.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, row) -> run.outputs().select(row));

        var console = new ListView<>(run.logs());
        console.getStyleClass().add("run-log");
        console.setCellFactory(view -> new LogCell());
        run.logs().addListener((ListChangeListener<LogEntry>) c -> {
            if (run.followTailProperty().get() && !run.logs().isEmpty()) {
                console.scrollTo(run.logs().size() - 1);
            }
        });
        var consolePane = new BorderPane(console);
        consolePane.setTop(logFilters(console));

        var left = new SplitPane(tasks, new BorderPane(outputs, null, null, outputFiles(), null));
        left.setOrientation(Orientation.VERTICAL);
        var split = new SplitPane(left, consolePane);
        split.setDividerPositions(0.3);
        var pane = new BorderPane(split);
        pane.setTop(new VBox(4, bar, inputs));
        return pane;
    }

    /** The selected task's output files, with Open and Save as…; hidden when it has none. */
    private VBox outputFiles() {
        var list = new ListView<>(run.outputs().files());
        list.getStyleClass().add("run-output-files");
        list.setPrefHeight(90);
        var open = new Button("Open");
        open.getStyleClass().add("output-open");
        open.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e ->
                run.outputs().open(list.getSelectionModel().getSelectedItem(), files::openText, files::openWithSystem));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.fire();
            }
        });
        var save = new Button("Save as…");
        save.getStyleClass().add("output-save");
        save.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            TaskOutputFile file = list.getSelectionModel().getSelectedItem();
            files.chooseTarget(file).ifPresent(target -> run.outputs().save(file, target));
        });
        var bar = new HBox(6, new Label("Output files"), open, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        var box = new VBox(4, bar, list);
        box.getStyleClass().add("run-output-files-box");
        box.visibleProperty()
                .bind(javafx.beans.binding.Bindings.isNotEmpty(run.outputs().files()));
        box.managedProperty().bind(box.visibleProperty());
        run.outputs().files().addListener((ListChangeListener<TaskOutputFile>) c -> {
            if (!run.outputs().files().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        return box;
    }

    private HBox logFilters(ListView<LogEntry> console) {
        var task = new ComboBox<String>();
        task.setPromptText("all tasks");
        task.getStyleClass().add("log-task-filter");
        run.tasks().addListener((ListChangeListener<TaskRow>) c -> {
            var ids = run.tasks().stream().map(r -> r.run().taskId()).distinct().toList();
            String selected = task.getValue();
            task.getItems().setAll(ids);
            task.setValue(selected);
        });
        task.valueProperty().bindBidirectional(run.taskFilterProperty());
        var level = new ComboBox<LogEntry.Level>();
        level.getItems().setAll(LogEntry.Level.values());
        level.getStyleClass().add("log-level-filter");
        level.valueProperty().bindBidirectional(run.levelFilterProperty());
        var text = new TextField();
        text.setPromptText("filter text");
        text.getStyleClass().add("log-text-filter");
        text.textProperty().bindBidirectional(run.textFilterProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        var all = new Button("All tasks");
        all.setOnAction(e -> run.taskFilterProperty().set(null));
        var follow = new ToggleButton("Follow");
        follow.getStyleClass().add("log-follow");
        follow.selectedProperty().bindBidirectional(run.followTailProperty());
        var copy = new Button("Copy");
        copy.getStyleClass().add("log-copy");
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(run.logs().stream().map(RunView::line).collect(Collectors.joining("\n")));
            Clipboard.getSystemClipboard().setContent(content);
        });
        var dropped = new Label();
        dropped.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> run.droppedLinesProperty().get() == 0
                                ? ""
                                : run.droppedLinesProperty().get() + " older lines only in history",
                        run.droppedLinesProperty()));
        var bar = new HBox(6, task, all, level, text, follow, copy, dropped);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-filters");
        return bar;
    }

    private BorderPane planPane() {
        var makePlan = new Button("Plan");
        makePlan.getStyleClass().add("plan-make");
        makePlan.setOnAction(e -> run.plan(source.get()));
        var title = new Label();
        title.getStyleClass().add("plan-title");
        title.textProperty().bind(run.planForProperty());
        var text = new TextArea();
        text.setEditable(false);
        text.getStyleClass().add("plan-text");
        run.plans().addListener((ListChangeListener<TaskPlan>) c -> text.setText(render(run)));
        var bar = new HBox(8, makePlan, title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("plan-toolbar");
        var pane = new BorderPane(text);
        pane.setTop(bar);
        return pane;
    }

    private BorderPane historyPane() {
        var table = new TableView<>(run.pastRuns());
        table.getStyleClass().add("history-table");
        table.setPlaceholder(new Label("No past runs of this flow"));
        table.getColumns().add(column("Started", 170, (Execution e) -> TIME.format(e.startDate())));
        table.getColumns().add(column("State", 90, (Execution e) -> e.state().name()));
        table.getColumns()
                .add(column("Environment", 110, (Execution e) -> e.environment() == null ? "" : e.environment()));
        table.getColumns().add(column("Inputs", 250, (Execution e) -> e.inputs().toString()));
        table.getColumns().add(column("Id", 120, (Execution e) -> e.id().substring(0, Math.min(8, e.id().length()))));
        var show = new Button("Show");
        show.setOnAction(e -> {
            Execution selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                run.showPast(selected);
                getSelectionModel().selectFirst();
            }
        });
        var rerun = new Button("Re-run with same inputs");
        rerun.setOnAction(e -> {
            Execution selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                run.rerun(selected, source.get());
                getSelectionModel().selectFirst();
            }
        });
        var refresh = new Button("Refresh");
        refresh.setOnAction(e -> run.refreshHistory());
        var bar = new HBox(8, show, rerun, refresh);
        bar.getStyleClass().add("history-toolbar");
        var pane = new BorderPane(table);
        pane.setTop(bar);
        return pane;
    }

    private void showInputs(FlowPane pane) {
        pane.getChildren().clear();
        for (InputField field : run.inputs()) {
            var label = new Label(field.id() + (field.required() ? " *" : ""));
            var value = new TextField();
            value.setPromptText(field.type().toLowerCase(Locale.ROOT));
            value.setPrefColumnCount(12);
            value.getStyleClass().add("run-input");
            value.setId("input-" + field.id());
            value.textProperty().bindBidirectional(run.inputValue(field.id()));
            var box = new HBox(4, label, value);
            box.setAlignment(Pos.CENTER_LEFT);
            pane.getChildren().add(box);
        }
    }

    private static String render(RunViewModel run) {
        var out = new StringBuilder("# ").append(run.planForProperty().get()).append('\n');
        for (TaskPlan plan : run.plans()) {
            out.append("\n## ")
                    .append(plan.taskId())
                    .append(" (")
                    .append(plan.type())
                    .append(")\n");
            if (plan.error() != null) {
                out.append("cannot plan: ").append(plan.error()).append('\n');
                continue;
            }
            out.append("runner configuration: ").append(plan.runnerConfig()).append('\n');
            out.append(plan.plan().render()).append('\n');
        }
        return out.toString();
    }

    private static String line(LogEntry entry) {
        return TIME.format(entry.timestamp()) + " " + (entry.taskId() == null ? "-" : entry.taskId()) + " "
                + entry.level() + " " + entry.message();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        var column = new TableColumn<T, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** A log line with its level as a style class, so themes colour it. */
    private static final class LogCell extends ListCell<LogEntry> {
        LogCell() {
            getStyleClass().add("log-line");
        }

        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(s -> s.startsWith("level-"));
            if (empty || entry == null) {
                setText(null);
                return;
            }
            setText(line(entry));
            getStyleClass().add("level-" + entry.level().name().toLowerCase(Locale.ROOT));
        }
    }
}
