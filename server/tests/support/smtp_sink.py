"""A real SMTP server on loopback for the notification tests (aiosmtpd).

Usage: smtp_sink.py PORT LOG DELAY_MS
Each accepted message is appended to LOG as one JSON line (to, message_id, subject, text),
after DELAY_MS, so a test can kill the portal while messages are in flight. A message whose
sender hung up before the reply was written is not recorded: it was never acknowledged.
"""
import asyncio
import email
import email.header
import email.policy
import json
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log, delay):
        self.log = log
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        transport = getattr(server, "transport", None)
        if transport is None or transport.is_closing():
            return "451 sender gone"
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        record = {
            "to": envelope.rcpt_tos,
            "message_id": str(msg["Message-ID"]),
            "subject": str(msg["Subject"]),
            "text": body.get_content() if body else "",
            "html": html.get_content() if html else "",
        }
        with open(self.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
        return "250 OK"


def main():
    port, log, delay = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) / 1000
    controller = Controller(Sink(log, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.new_event_loop().run_forever()
    finally:
        controller.stop()


main()
