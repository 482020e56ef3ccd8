"""Mediation: cases, session records, agreements, signatures, performance and enforcement.

The law it implements is in DOMAIN.md section 4 (People's Mediation Law Art. 17-33, Civil
Procedure Law Art. 205-206 and its Interpretation Art. 351-358, the SPC online mediation
rules). Every rule names its article in code and in the words a user sees. No Qt here.
"""
