"""The names of the relations between entries, in one place.

A relation is declared by one field (`fields.py`: `Relation(name, inverse)`) and the
catalog derives its inverse on the other entry; pages, PDFs, the directory and allies
read links by these names, and the interface text names each as `rel.<name>`.
"""

from __future__ import annotations

ALLIANCE = "alliance"
"""An organization's declared alliance (its own inverse)."""
CONVENED_BY = "convened_by"
"""A network -> the organization that convenes it; inverse `CONVENES`."""
CONVENES = "convenes"
HAS_MEMBER = "has_member"
"""A network -> a member organization; inverse `MEMBER_OF`."""
MEMBER_OF = "member_of"
RUN_BY = "run_by"
"""A practice -> an organization that carried it out; inverse `RAN`."""
RAN = "ran"
FROM_NETWORK = "from_network"
"""A practice -> the network it came from; inverse `NETWORK_PRACTICE`."""
NETWORK_PRACTICE = "network_practice"
USES_GUIDE = "uses_guide"
"""A practice -> a related guide; inverse `USED_IN`."""
USED_IN = "used_in"
AUTHORED_BY = "authored_by"
"""A guide -> an author (organization or network); inverse `AUTHORED`."""
AUTHORED = "authored"

PRACTICES_OF = (RAN, NETWORK_PRACTICE)
"""From an organization or a network to the practices it ran or that came from it."""
NETWORKS_OF = (MEMBER_OF, CONVENES)
"""From an organization to the networks it is a member of or convenes."""
