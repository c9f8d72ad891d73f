package dev.flowbench.schema.flow;

/** The types a flow input may have (Kestra's names). */
public enum InputType {
    STRING,
    INT,
    FLOAT,
    BOOLEAN,
    SELECT,
    MULTISELECT,
    DATETIME,
    DATE,
    TIME,
    DURATION,
    JSON,
    YAML,
    URI,
    EMAIL,
    FILE,
    SECRET,
    ARRAY
}
