"""FrontDesk central server: FastAPI on the shared schema; desks sync to it."""
