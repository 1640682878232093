"""Console adapter: the same handlers in a terminal. Lines typed are messages;
buttons are shown numbered and chosen by typing their number."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from handlers.router import Assistant
from locales import translate
from presentation.messages import Attachment, Button, Incoming, Reply

CHANNEL = "console"
QUIT = {"/quit", "/exit", "/thoat"}
# "/tep ~/thong-bao.docx": send a file, as one would attach it in a chat app.
FILE_COMMANDS = ("/tep", "/file")


class ConsoleAdapter:
    def __init__(self, assistant: Assistant, user_id: str = "console", display_name: str = "",
                 write: Callable[[str], None] = print):
        self.assistant = assistant
        self.user_id = user_id
        self.display_name = display_name
        self.write = write
        self.buttons: list[Button] = []

    def send(self, line: str) -> list[Reply]:
        """One typed line → replies (also printed). A bare number presses a shown button."""
        line = line.strip()
        head, _, rest = line.partition(" ")
        if head.lower() in FILE_COMMANDS:
            return self.send_file(rest.strip())
        button = None
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            button = self.buttons[int(line) - 1].data
        incoming = Incoming(channel=CHANNEL, chat_id=self.user_id, user_id=self.user_id,
                            display_name=self.display_name, text=None if button else line, button=button)
        replies = self.assistant.handle(incoming)
        self.show(replies)
        return replies

    def send_file(self, raw_path: str) -> list[Reply]:
        path = Path(raw_path).expanduser()
        if not raw_path or not path.is_file():
            self.write(translate("vi", "console.no_file", path=raw_path or "?"))
            return []
        attachment = Attachment("document", str(path), path.name, size=path.stat().st_size,
                                fetch=path.read_bytes)
        replies = self.assistant.handle(Incoming(channel=CHANNEL, chat_id=self.user_id, user_id=self.user_id,
                                                 display_name=self.display_name, attachment=attachment))
        self.show(replies)
        return replies

    def show(self, replies: list[Reply]) -> None:
        shown: list[Button] = []
        for reply in replies:
            if reply.notice and not reply.text:
                self.write(f"({reply.notice})")
            self.write(reply.text)
            if reply.file:
                self.write(f"[{self.save(*reply.file)}]")
            for row in reply.buttons:
                cells = []
                for button in row:
                    shown.append(button)
                    cells.append(f"[{len(shown)}] {button.text}")
                self.write("   ".join(cells))
            self.write("")
        if shown:
            self.buttons = shown

    @staticmethod
    def save(name: str, content: bytes) -> Path:
        """A file reply (an export, a chart) lands in the current directory."""
        path = Path.cwd() / Path(name).name
        path.write_bytes(content)
        return path

    def loop(self, read: Callable[[str], str] = input) -> None:
        self.write(translate("vi", "console.intro"))
        while True:
            try:
                line = read("> ")
            except (EOFError, KeyboardInterrupt):
                self.write("")
                return
            if line.strip().lower() in QUIT:
                return
            if line.strip():
                self.send(line)
