/**
 * The secrets editor: {@link dev.flowbench.app.desktop.secrets.SecretsViewModel} edits a workspace secrets file
 * ({@code secrets/*.env}) with every value masked until its row is revealed, and saves it atomically, readable by
 * its owner only; {@code SecretsView} shows it as a table. No value is ever logged.
 */
package dev.flowbench.app.desktop.secrets;
