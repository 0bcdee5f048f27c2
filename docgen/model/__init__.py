"""The minutes as data, and loading it from a clerk's YAML."""

from .load import Loaded, load_minutes, load_minutes_text
from .profile import Profile, load_profile
from .minutes import Absence, Attendance, Chair, Item, Minutes, Printed, Topic, UnitEntry

__all__ = ["Absence", "Attendance", "Chair", "Item", "Loaded", "Minutes", "Printed", "Topic",
           "Profile", "UnitEntry", "load_minutes", "load_profile", "load_minutes_text"]
