"""Identity noise of the synthetic world (issue 15): real data names the same person in many
ways — a mistyped digit, an old 15-digit number, a masked number, a passport on a ticket, a
former name, traditional characters, a homophone — and names different people alike. The world
plants these by default (``--exact-ids`` keeps the exact-ID world) and writes
``entities_truth.csv``: who every person or company mention really is."""
