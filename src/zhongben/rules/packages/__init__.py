"""Model packages (模型包): a zip carrying rules from one workspace's library to another's
(docs/model-packages.md). ``export`` writes one, ``install`` checks and installs one; the format
(file names, manifest, content hash, safe reading) is in ``manifest`` and ``archive``."""
