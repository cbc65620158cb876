"""The 后半程: turning leads into supervision cases, recommendations and outcomes — the state
machine, deadlines, documents and the services the web app calls."""
