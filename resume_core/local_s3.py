"""The embedded local S3: moto's S3 API server on 127.0.0.1, for demos with no AWS account.

It speaks the same HTTP API as AWS, so the rest of the product cannot tell the difference. Its
contents live in memory; the local output folder refills it at every start.
"""

from __future__ import annotations

import logging

from moto.server import ThreadedMotoServer

LOCAL_CREDENTIALS = {"access_key_id": "local", "secret_access_key": "local"}


class LocalS3:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
        self.endpoint_url = ""

    def start(self) -> str:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"
        return self.endpoint_url

    def stop(self) -> None:
        self._server.stop()
