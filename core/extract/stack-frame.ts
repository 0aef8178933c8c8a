/**
 * A stack trace's frame, the line after an exception's message that is never part of the reply it
 * quotes: Java's `at com.fsck.k9.mail...(SmtpTransport.java:649)`, .NET's `at System.Net.Mail.
 * SmtpTransport.SendMail(MailAddress sender, ...)`, Node's `at SMTPConnection._formatError (...)` and
 * `at Object.<anonymous> (...)`, Ruby's `app/models/mailer.rb:455:in \`deliver_mail'`. A frame names a
 * dotted member before its `(`, so a sentence that goes on with "at least (...)" is none.
 */
const FRAME = String.raw`(?:at\s(?:[\w$<>[\]\x60]{1,100}\.){1,20}[\w$<>[\]\x60,]{1,100}\s?\(|[\w./-]{1,200}\.rb:\d{1,6}:in\s[\x60'])`;

/** A line (trimmed) that is a frame. */
export const STACK_FRAME = new RegExp(`^${FRAME}`);

/** The line break before the next frame in a text. */
export const NEXT_STACK_FRAME = new RegExp(`\\n[ \\t]{0,12}${FRAME}`);

/**
 * A Java frame with its source file, wherever it is: a copy that lost the line breaks glues the trace
 * to the reply (`... b10sm22683wmc.24 - gsmtpat java.lang.Throwable.initCause(Throwable.java:456)at ...`).
 */
export const JAVA_FRAME_ANYWHERE =
  /at\s(?:[\w$]{1,100}\.){1,20}[\w$<>]{1,100}\((?:[\w$]{1,100}\.java:\d{1,6}|Native Method|Unknown Source)\)/;

/**
 * PowerShell's position message after an error (`At C:\util\backup.ps1:131 char:1`, `At line:1 char:1`),
 * on its own line or glued to the message it follows when the line breaks were lost: never the reply's.
 */
export const POWERSHELL_POSITION = /\bAt (?:line:\d{1,6}|[A-Za-z]:\\[^\n]{0,300}?:\d{1,6}) char:\d{1,6}/;
