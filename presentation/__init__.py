"""What the assistant shows, below everything that shows it: the transport-neutral
message types (`Incoming`, `Reply`, `Button`, `Attachment`), the outbox payload shape,
and the display helpers (dates dd/mm/yyyy, local times, due and status labels, the
task buttons). Handlers, reminders, office and the adapters all use these; this
package imports nothing of the product but `locales`."""
