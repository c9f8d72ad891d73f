package dev.flowbench.runner.kubernetes;

/** The memory size notation shared by Kubernetes quantities and Docker sizes. */
final class Sizes {
    /** Kubernetes quantities (`256Mi`, `1G`) and Docker sizes (`512m`, `1g`, `512MB`), or an expression. */
    static final String PATTERN = "^([0-9]+(\\.[0-9]+)?([kKmMgGtTpPeE]i?[bB]?|[bB])?|.*\\{\\{.*)$";

    static final String HINT = "a size such as `512Mi`, `1Gi`, `512m`, `1g` or `512MB`";

    private Sizes() {}
}
