"""The chronicle stage: dated mentions become happenings (``happenings``), articles get
their outlets (``outlets``), dated sources become events (``events``), events of all
articles merge into one chronology (``merge``) and editors' ``corrections`` apply."""
