package dev.flowbench.app.desktop.problems;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The problems table with severity filters; double-click or Enter jumps to the problem. */
public final class ProblemsView extends BorderPane {
    private final TableView<Problem> table = new TableView<>();

    /**
     * @param jump opens the problem's file and selects its range
     * @param checkWorkspace validates every workspace file
     */
    public ProblemsView(ProblemsViewModel problems, Consumer<Problem> jump, Runnable checkWorkspace) {
        getStyleClass().add("problems-view");
        table.getStyleClass().add("problems-table");
        table.setItems(problems.problems());
        table.setPlaceholder(new Label("No problems"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var severity = column("", 70, p -> p.severity().label());
        severity.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                setText(empty ? null : value);
                if (!empty && value != null) {
                    getStyleClass().add("severity-" + value);
                }
            }
        });
        table.getColumns().add(severity);
        table.getColumns().add(column("File", 200, p -> p.relative().toString()));
        table.getColumns().add(column("Line", 70, Problem::location));
        table.getColumns().add(column("Message", 500, Problem::message));
        table.getColumns().add(column("Code", 140, p -> p.diagnostic().code()));
        table.setRowFactory(view -> {
            var row = new TableRow<Problem>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    jump.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Problem selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                jump.accept(selected);
            }
        });
        var errors = filter("Errors", problems.showErrorsProperty(), "filter-errors");
        var warnings = filter("Warnings", problems.showWarningsProperty(), "filter-warnings");
        var infos = filter("Infos", problems.showInfosProperty(), "filter-infos");
        var check = new Button("Check workspace");
        check.getStyleClass().add("check-workspace");
        check.setOnAction(e -> checkWorkspace.run());
        var counts = new Label();
        counts.getStyleClass().add("problem-counts");
        counts.textProperty()
                .bind(problems.errorsProperty()
                        .asString("%d errors, ")
                        .concat(problems.warningsProperty().asString("%d warnings")));
        var bar = new HBox(6, errors, warnings, infos, counts, check);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("problems-toolbar");
        setTop(bar);
        setCenter(table);
    }

    private static ToggleButton filter(String text, javafx.beans.property.BooleanProperty shown, String styleClass) {
        var toggle = new ToggleButton(text);
        toggle.getStyleClass().add(styleClass);
        toggle.selectedProperty().bindBidirectional(shown);
        return toggle;
    }

    private static TableColumn<Problem, String> column(
            String title, double width, java.util.function.Function<Problem, String> value) {
        var column = new TableColumn<Problem, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
