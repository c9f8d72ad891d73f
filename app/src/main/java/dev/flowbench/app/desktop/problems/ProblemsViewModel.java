package dev.flowbench.app.desktop.problems;

import dev.flowbench.app.desktop.document.DocumentViewModel;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The diagnostics of every open document, plus those of closed files from the last workspace-wide check,
 * sorted by file and position, filtered by severity; counts ignore the filter.
 */
public final class ProblemsViewModel {
    private final ObservableList<DocumentViewModel> documents;
    private final Function<Path, Path> relativize;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final BooleanProperty showErrors = new SimpleBooleanProperty(this, "showErrors", true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(this, "showWarnings", true);
    private final BooleanProperty showInfos = new SimpleBooleanProperty(this, "showInfos", true);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final InvalidationListener refresh = o -> refresh();
    private Map<Path, List<Diagnostic>> workspaceProblems = Map.of();

    /** @param relativize turns an absolute file path into the workspace-relative path shown */
    public ProblemsViewModel(ObservableList<DocumentViewModel> documents, Function<Path, Path> relativize) {
        this.documents = documents;
        this.relativize = relativize;
        documents.forEach(d -> d.diagnosticsProperty().addListener(refresh));
        documents.addListener((ListChangeListener<DocumentViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(d -> d.diagnosticsProperty().removeListener(refresh));
                change.getAddedSubList().forEach(d -> d.diagnosticsProperty().addListener(refresh));
            }
            refresh();
        });
        showErrors.addListener(refresh);
        showWarnings.addListener(refresh);
        showInfos.addListener(refresh);
        refresh();
    }

    /** The rows shown: filtered by severity, ordered by file then position. */
    public ObservableList<Problem> problems() {
        return problems;
    }

    public BooleanProperty showErrorsProperty() {
        return showErrors;
    }

    public BooleanProperty showWarningsProperty() {
        return showWarnings;
    }

    /** Infos and hints. */
    public BooleanProperty showInfosProperty() {
        return showInfos;
    }

    /** The number of errors, whatever the filter. */
    public ReadOnlyIntegerProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /**
     * The result of checking every workspace file: kept for files that are not open (an open file's live
     * diagnostics win).
     */
    public void setWorkspaceProblems(Map<Path, List<Diagnostic>> byFile) {
        workspaceProblems = Map.copyOf(byFile);
        refresh();
    }

    private void refresh() {
        var all = new HashMap<Path, List<Diagnostic>>(workspaceProblems);
        for (DocumentViewModel document : documents) {
            all.put(document.file(), document.diagnosticsProperty().get());
        }
        var rows = new ArrayList<Problem>();
        int errorCount = 0;
        int warningCount = 0;
        for (var entry : all.entrySet()) {
            for (Diagnostic d : entry.getValue()) {
                if (d.severity() == Severity.ERROR) {
                    errorCount++;
                } else if (d.severity() == Severity.WARNING) {
                    warningCount++;
                }
                if (shown(d.severity())) {
                    rows.add(new Problem(entry.getKey(), relativize.apply(entry.getKey()), d));
                }
            }
        }
        rows.sort(Comparator.comparing((Problem p) -> p.relative().toString())
                .thenComparingInt(p -> p.diagnostic().range().start().offset()));
        problems.setAll(rows);
        errors.set(errorCount);
        warnings.set(warningCount);
    }

    private boolean shown(Severity severity) {
        return switch (severity) {
            case ERROR -> showErrors.get();
            case WARNING -> showWarnings.get();
            case INFO, HINT -> showInfos.get();
        };
    }
}
