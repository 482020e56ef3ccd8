<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementTab</name>
    <message>
        <source>Parties to the agreement:</source>
        <translation>Parties to the agreement:</translation>
    </message>
    <message>
        <source>Main facts of the dispute:</source>
        <translation>Main facts of the dispute:</translation>
    </message>
    <message>
        <source>Disputed matters:</source>
        <translation>Disputed matters:</translation>
    </message>
    <message>
        <source>Each party&apos;s responsibility:</source>
        <translation>Each party&apos;s responsibility:</translation>
    </message>
    <message>
        <source>What the parties agreed:</source>
        <translation>What the parties agreed:</translation>
    </message>
    <message>
        <source>Obligations (manner and time limit of performance, Art. 29(3)):</source>
        <translation>Obligations (manner and time limit of performance, Art. 29(3)):</translation>
    </message>
    <message>
        <source>Add obligation…</source>
        <translation>Add obligation…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Non-performance triggers a filing with the court</source>
        <translation>Non-performance triggers a filing with the court</translation>
    </message>
    <message>
        <source>Ticked, every party agrees in the agreement that if an obligation is not performed by its deadline and grace period, the chain&apos;s contract rule files with the court by itself: for enforcement once a court has confirmed the agreement (People&apos;s Mediation Law Art. 33), otherwise for trial (Art. 32); SPC Opinions on blockchain judicial applications, item 14. Unticked, the obligee applies with one click.</source>
        <translation>Ticked, every party agrees in the agreement that if an obligation is not performed by its deadline and grace period, the chain&apos;s contract rule files with the court by itself: for enforcement once a court has confirmed the agreement (People&apos;s Mediation Law Art. 33), otherwise for trial (Art. 32); SPC Opinions on blockchain judicial applications, item 14. Unticked, the obligee applies with one click.</translation>
    </message>
    <message>
        <source>The agreement concerns (a court would not confirm it, CPL Interp. 355):</source>
        <translation>The agreement concerns (a court would not confirm it, CPL Interp. 355):</translation>
    </message>
    <message>
        <source>Missing before it can be proposed</source>
        <translation>Missing before it can be proposed</translation>
    </message>
    <message>
        <source>Judicial confirmation risks</source>
        <translation>Judicial confirmation risks</translation>
    </message>
    <message>
        <source>Signatures on the latest version</source>
        <translation>Signatures on the latest version</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>A party signs at this desk…</source>
        <translation>A party signs at this desk…</translation>
    </message>
    <message>
        <source>No version proposed yet.</source>
        <translation>No version proposed yet.</translation>
    </message>
    <message>
        <source>Version {n} was proposed {time}. You changed the text: proposing makes version {next}.</source>
        <translation>Version {n} was proposed {time}. You changed the text: proposing makes version {next}.</translation>
    </message>
    <message>
        <source>Version {n}, proposed {time}.</source>
        <translation>Version {n}, proposed {time}.</translation>
    </message>
    <message>
        <source>In effect since {time}: every party and the mediator signed version {n} (online mediation rules Art. 19). It binds the parties (PML Art. 31).</source>
        <translation>In effect since {time}: every party and the mediator signed version {n} (online mediation rules Art. 19). It binds the parties (PML Art. 31).</translation>
    </message>
    <message>
        <source>Nothing to sign until a version is proposed.</source>
        <translation>Nothing to sign until a version is proposed.</translation>
    </message>
    <message>
        <source>Every signature is in: nothing left to sign.</source>
        <translation>Every signature is in: nothing left to sign.</translation>
    </message>
    <message>
        <source>Waiting for: {names}.</source>
        <translation>Waiting for: {names}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Online mediation rules Art. 19: {names} cannot sign yet; add their key in the Parties tab.</source>
        <translation>Online mediation rules Art. 19: {names} cannot sign yet; add their key in the Parties tab.</translation>
    </message>
    <message>
        <source>Nothing missing: the contents PML Art. 29 asks for are all there.</source>
        <translation>Nothing missing: the contents PML Art. 29 asks for are all there.</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>None found.</translation>
    </message>
    <message>
        <source>Propose version {n}</source>
        <translation>Propose version {n}</translation>
    </message>
    <message>
        <source>Proposing signs version 1 with your key and sends it to the parties to sign.</source>
        <translation>Proposing signs version 1 with your key and sends it to the parties to sign.</translation>
    </message>
    <message>
        <source>Version {n} is the one to sign. Change the text to propose another.</source>
        <translation>Version {n} is the one to sign. Change the text to propose another.</translation>
    </message>
    <message>
        <source>Proposing makes version {next}. Signatures on version {n} no longer count: everyone signs the new version (online mediation rules Art. 19).</source>
        <translation>Proposing makes version {next}. Signatures on version {n} no longer count: everyone signs the new version (online mediation rules Art. 19).</translation>
    </message>
    <message>
        <source>Sign version {n} of the mediation agreement of case {case}.</source>
        <translation>Sign version {n} of the mediation agreement of case {case}.</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Save both notes…</source>
        <translation>Save both notes…</translation>
    </message>
    <message>
        <source>ALARM ({kind}), detected {when}: the chain node&apos;s log is not consistent with what this desktop verified before. {detail}
Both checkpoint notes (the one this desktop kept and the one the node offered) are kept in the local database as evidence. Syncing has stopped; tell the court that runs the node.</source>
        <translation>ALARM ({kind}), detected {when}: the chain node&apos;s log is not consistent with what this desktop verified before. {detail}
Both checkpoint notes (the one this desktop kept and the one the node offered) are kept in the local database as evidence. Syncing has stopped; tell the court that runs the node.</translation>
    </message>
    <message>
        <source>{count} alarms recorded in all.</source>
        <translation>{count} alarms recorded in all.</translation>
    </message>
    <message>
        <source>Choose a folder for the two checkpoint notes</source>
        <translation>Choose a folder for the two checkpoint notes</translation>
    </message>
    <message>
        <source>Notes saved</source>
        <translation>Notes saved</translation>
    </message>
    <message>
        <source>Saved {count} files to {folder}.</source>
        <translation>Saved {count} files to {folder}.</translation>
    </message>
</context>
<context>
    <name>Bankruptcy</name>
    <message>
        <source>A {type} statement has no field {fields}: nothing else goes on the chain.</source>
        <translation>A {type} statement has no field {fields}: nothing else goes on the chain.</translation>
    </message>
    <message>
        <source>The members a statement adds are a list of verifier keys.</source>
        <translation>The members a statement adds are a list of verifier keys.</translation>
    </message>
    <message>
        <source>The acceptance names the court, the case number, the debtor (name and the hash of its unified social credit code), the administrator (key and name), the acceptance and announcement dates, the end of the claim-filing period and the first meeting&apos;s date, dates as YYYY-MM-DD (Enterprise Bankruptcy Law Art. 45, 62).</source>
        <translation>The acceptance names the court, the case number, the debtor (name and the hash of its unified social credit code), the administrator (key and name), the acceptance and announcement dates, the end of the claim-filing period and the first meeting&apos;s date, dates as YYYY-MM-DD (Enterprise Bankruptcy Law Art. 45, 62).</translation>
    </message>
    <message>
        <source>An invitation lists each creditor&apos;s key, name and whether it is a person or an organisation.</source>
        <translation>An invitation lists each creditor&apos;s key, name and whether it is a person or an organisation.</translation>
    </message>
    <message>
        <source>A declaration states the claim&apos;s amounts as whole fen, none below zero: principal, interest and other amounts (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>A declaration states the claim&apos;s amounts as whole fen, none below zero: principal, interest and other amounts (Enterprise Bankruptcy Law Art. 49).</translation>
    </message>
    <message>
        <source>A declaration names the claim and its version, its nature, whether it is secured, joint or guaranteed (Enterprise Bankruptcy Law Art. 49-51; Interpretation III Art. 6).</source>
        <translation>A declaration names the claim and its version, its nature, whether it is secured, joint or guaranteed (Enterprise Bankruptcy Law Art. 49-51; Interpretation III Art. 6).</translation>
    </message>
    <message>
        <source>A review names the claim, its own version, the declaration version it answers and the nature found, and gives each of principal, interest and other amounts once: confirmed, adjusted or rejected, as whole fen (Enterprise Bankruptcy Law Art. 57; Interpretation III Art. 6).</source>
        <translation>A review names the claim, its own version, the declaration version it answers and the nature found, and gives each of principal, interest and other amounts once: confirmed, adjusted or rejected, as whole fen (Enterprise Bankruptcy Law Art. 57; Interpretation III Art. 6).</translation>
    </message>
    <message>
        <source>A claim table names its version, the number of claims, the hash of its rows and the totals of each group (Enterprise Bankruptcy Law Art. 57, 82).</source>
        <translation>A claim table names its version, the number of claims, the hash of its rows and the totals of each group (Enterprise Bankruptcy Law Art. 57, 82).</translation>
    </message>
    <message>
        <source>An objection names the claim and the table version, with its reasons and legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8).</source>
        <translation>An objection names the claim and the table version, with its reasons and legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8).</translation>
    </message>
    <message>
        <source>An answer names the objection, says whether the administrator explains or adjusted, and explains; an adjustment names the new review (Interpretation III Art. 8).</source>
        <translation>An answer names the objection, says whether the administrator explains or adjusted, and explains; an adjustment names the new review (Interpretation III Art. 8).</translation>
    </message>
    <message>
        <source>The court&apos;s ruling names its number, the table version and the claims it confirms (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>The court&apos;s ruling names its number, the table version and the claims it confirms (Enterprise Bankruptcy Law Art. 58(2)).</translation>
    </message>
    <message>
        <source>A provisional amount names the claim, the amount in whole fen and why (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>A provisional amount names the claim, the amount in whole fen and why (Enterprise Bankruptcy Law Art. 59(2)).</translation>
    </message>
    <message>
        <source>A declaration comes with its evidence (Enterprise Bankruptcy Law Art. 49: 提交有关证据): at least one document, by its hash.</source>
        <translation>A declaration comes with its evidence (Enterprise Bankruptcy Law Art. 49: 提交有关证据): at least one document, by its hash.</translation>
    </message>
    <message>
        <source>A secured claim names its collateral and is of secured nature; an unsecured claim has neither (Enterprise Bankruptcy Law Art. 49: 有无财产担保).</source>
        <translation>A secured claim names its collateral and is of secured nature; an unsecured claim has neither (Enterprise Bankruptcy Law Art. 49: 有无财产担保).</translation>
    </message>
    <message>
        <source>Interest is declared up to a day, no later than the acceptance of the case (Enterprise Bankruptcy Law Art. 46): give that day.</source>
        <translation>Interest is declared up to a day, no later than the acceptance of the case (Enterprise Bankruptcy Law Art. 46): give that day.</translation>
    </message>
    <message>
        <source>A claim found secured is of secured nature, and only such a claim (Enterprise Bankruptcy Law Art. 49, 82(1); Interpretation III Art. 6).</source>
        <translation>A claim found secured is of secured nature, and only such a claim (Enterprise Bankruptcy Law Art. 49, 82(1); Interpretation III Art. 6).</translation>
    </message>
    <message>
        <source>An amount adjusted or rejected needs its reason (Interpretation III Art. 6).</source>
        <translation>An amount adjusted or rejected needs its reason (Interpretation III Art. 6).</translation>
    </message>
    <message>
        <source>A rejected amount is confirmed at zero fen.</source>
        <translation>A rejected amount is confirmed at zero fen.</translation>
    </message>
    <message>
        <source>Only the case&apos;s administrator may do this (Enterprise Bankruptcy Law Art. 25, 57: the administrator registers and reviews claims).</source>
        <translation>Only the case&apos;s administrator may do this (Enterprise Bankruptcy Law Art. 25, 57: the administrator registers and reviews claims).</translation>
    </message>
    <message>
        <source>Only the court that accepted the case rules on it (Enterprise Bankruptcy Law Art. 58(2), 59(2)).</source>
        <translation>Only the court that accepted the case rules on it (Enterprise Bankruptcy Law Art. 58(2), 59(2)).</translation>
    </message>
    <message>
        <source>There is no claim {claim} in this case.</source>
        <translation>There is no claim {claim} in this case.</translation>
    </message>
    <message>
        <source>The court has already accepted this case.</source>
        <translation>The court has already accepted this case.</translation>
    </message>
    <message>
        <source>A case needs a case number.</source>
        <translation>A case needs a case number.</translation>
    </message>
    <message>
        <source>The judge, the administrator and the debtor each sign with a key of their own (Electronic Signature Law Art. 13).</source>
        <translation>The judge, the administrator and the debtor each sign with a key of their own (Electronic Signature Law Art. 13).</translation>
    </message>
    <message>
        <source>The acceptance makes the administrator (and the debtor&apos;s representative, if named) members of the case, and no one else: creditors join by the administrator&apos;s invitation.</source>
        <translation>The acceptance makes the administrator (and the debtor&apos;s representative, if named) members of the case, and no one else: creditors join by the administrator&apos;s invitation.</translation>
    </message>
    <message>
        <source>The claims of this case would together exceed {limit} fen, the largest amount the chain records exactly; check the amounts declared.</source>
        <translation>The claims of this case would together exceed {limit} fen, the largest amount the chain records exactly; check the amounts declared.</translation>
    </message>
    <message>
        <source>The court announces the case within twenty-five days of accepting it (Enterprise Bankruptcy Law Art. 14): between {accepted} and {latest}.</source>
        <translation>The court announces the case within twenty-five days of accepting it (Enterprise Bankruptcy Law Art. 14): between {accepted} and {latest}.</translation>
    </message>
    <message>
        <source>The claim-filing period runs at least thirty days and at most three months from the announcement (Enterprise Bankruptcy Law Art. 45): it ends between {earliest} and {latest}.</source>
        <translation>The claim-filing period runs at least thirty days and at most three months from the announcement (Enterprise Bankruptcy Law Art. 45): it ends between {earliest} and {latest}.</translation>
    </message>
    <message>
        <source>The first creditors&apos; meeting is held within fifteen days after the claim-filing period ends (Enterprise Bankruptcy Law Art. 62): between the day after {ends} and {latest}.</source>
        <translation>The first creditors&apos; meeting is held within fifteen days after the claim-filing period ends (Enterprise Bankruptcy Law Art. 62): between the day after {ends} and {latest}.</translation>
    </message>
    <message>
        <source>Each creditor joins once, with a key of its own: a key already in the case cannot be invited again.</source>
        <translation>Each creditor joins once, with a key of its own: a key already in the case cannot be invited again.</translation>
    </message>
    <message>
        <source>An invitation makes exactly the invited creditors&apos; keys members of the case.</source>
        <translation>An invitation makes exactly the invited creditors&apos; keys members of the case.</translation>
    </message>
    <message>
        <source>A claim is declared by its creditor, or the creditor&apos;s agent, with their own key (Enterprise Bankruptcy Law Art. 48-49); the administrator invites the creditor into the case first.</source>
        <translation>A claim is declared by its creditor, or the creditor&apos;s agent, with their own key (Enterprise Bankruptcy Law Art. 48-49); the administrator invites the creditor into the case first.</translation>
    </message>
    <message>
        <source>Claim {claim} was declared by another creditor: only its own creditor amends it (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>Claim {claim} was declared by another creditor: only its own creditor amends it (Enterprise Bankruptcy Law Art. 49).</translation>
    </message>
    <message>
        <source>An amended declaration is a new version: the next version of claim {claim} is {n}.</source>
        <translation>An amended declaration is a new version: the next version of claim {claim} is {n}.</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); it is no longer amended by declaration.</source>
        <translation>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); it is no longer amended by declaration.</translation>
    </message>
    <message>
        <source>Interest stops running when the court accepts the case, on {date} (Enterprise Bankruptcy Law Art. 46): declare interest up to that day.</source>
        <translation>Interest stops running when the court accepts the case, on {date} (Enterprise Bankruptcy Law Art. 46): declare interest up to that day.</translation>
    </message>
    <message>
        <source>A review answers the claim&apos;s current declaration, version {n} (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>A review answers the claim&apos;s current declaration, version {n} (Enterprise Bankruptcy Law Art. 57).</translation>
    </message>
    <message>
        <source>The next review of claim {claim} is version {n}.</source>
        <translation>The next review of claim {claim} is version {n}.</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); the administrator no longer reviews it.</source>
        <translation>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); the administrator no longer reviews it.</translation>
    </message>
    <message>
        <source>The next version of the claim table is {n}.</source>
        <translation>The next version of the claim table is {n}.</translation>
    </message>
    <message>
        <source>The claim table differs from the reviews on the chain: it lists {claims} claims with row hash {hash}; recomputed from the chain it lists {expected} with {expected_hash}, and totals per group must match too (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>The claim table differs from the reviews on the chain: it lists {claims} claims with row hash {hash}; recomputed from the chain it lists {expected} with {expected_hash}, and totals per group must match too (Enterprise Bankruptcy Law Art. 57).</translation>
    </message>
    <message>
        <source>An objection to the claim table is raised by a creditor or the debtor (Enterprise Bankruptcy Law Art. 58).</source>
        <translation>An objection to the claim table is raised by a creditor or the debtor (Enterprise Bankruptcy Law Art. 58).</translation>
    </message>
    <message>
        <source>An objection needs a new identifier.</source>
        <translation>An objection needs a new identifier.</translation>
    </message>
    <message>
        <source>An objection is to a row of a published claim table: table {table} lists no claim {claim} (Enterprise Bankruptcy Law Art. 58).</source>
        <translation>An objection is to a row of a published claim table: table {table} lists no claim {claim} (Enterprise Bankruptcy Law Art. 58).</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling}: the time for objecting to its row has passed (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>Claim {claim} was confirmed by the court&apos;s ruling {ruling}: the time for objecting to its row has passed (Enterprise Bankruptcy Law Art. 58(2)).</translation>
    </message>
    <message>
        <source>Claim {claim} was reviewed again after table {table}: object to the row that lists its current review.</source>
        <translation>Claim {claim} was reviewed again after table {table}: object to the row that lists its current review.</translation>
    </message>
    <message>
        <source>There is no such objection.</source>
        <translation>There is no such objection.</translation>
    </message>
    <message>
        <source>This objection was answered on {time}.</source>
        <translation>This objection was answered on {time}.</translation>
    </message>
    <message>
        <source>There is no claim table {table}.</source>
        <translation>There is no claim table {table}.</translation>
    </message>
    <message>
        <source>Claim {claim} is determined (confirmed by ruling {ruling}); a provisional amount is set only for a claim not yet determined (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>Claim {claim} is determined (confirmed by ruling {ruling}); a provisional amount is set only for a claim not yet determined (Enterprise Bankruptcy Law Art. 59(2)).</translation>
    </message>
    <message>
        <source>A provisional amount for voting is at most the {declared} fen declared (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>A provisional amount for voting is at most the {declared} fen declared (Enterprise Bankruptcy Law Art. 59(2)).</translation>
    </message>
    <message>
        <source>The court has not accepted this case: a judge accepts it first (Enterprise Bankruptcy Law Art. 10, 45).</source>
        <translation>The court has not accepted this case: a judge accepts it first (Enterprise Bankruptcy Law Art. 10, 45).</translation>
    </message>
    <message>
        <source>Only the court&apos;s acceptance and the administrator&apos;s invitation make keys members of a bankruptcy case.</source>
        <translation>Only the court&apos;s acceptance and the administrator&apos;s invitation make keys members of a bankruptcy case.</translation>
    </message>
    <message>
        <source>The review confirms {amount} fen of {item} where {asked} fen were declared: a review never confirms more than the creditor declared (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>The review confirms {amount} fen of {item} where {asked} fen were declared: a review never confirms more than the creditor declared (Enterprise Bankruptcy Law Art. 57).</translation>
    </message>
    <message>
        <source>An amount confirmed is the amount declared ({asked} fen of {item}); a different amount is an adjustment, with its reason (Interpretation III Art. 6).</source>
        <translation>An amount confirmed is the amount declared ({asked} fen of {item}); a different amount is an adjustment, with its reason (Interpretation III Art. 6).</translation>
    </message>
    <message>
        <source>An adjustment is made by a new review of the claim, signed first; the answer names it (Interpretation III Art. 8).</source>
        <translation>An adjustment is made by a new review of the claim, signed first; the answer names it (Interpretation III Art. 8).</translation>
    </message>
    <message>
        <source>Table {table} lists no claim {claim}.</source>
        <translation>Table {table} lists no claim {claim}.</translation>
    </message>
    <message>
        <source>Claim {claim} changed after table {table} (a new declaration or review): the court confirms the row as it stands (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>Claim {claim} changed after table {table} (a new declaration or review): the court confirms the row as it stands (Enterprise Bankruptcy Law Art. 58(2)).</translation>
    </message>
    <message>
        <source>Claim {claim} is disputed: only rows no creditor or the debtor objected to are confirmed by ruling; a disputed claim goes to a lawsuit (Enterprise Bankruptcy Law Art. 58(2)-(3); Interpretation III Art. 8).</source>
        <translation>Claim {claim} is disputed: only rows no creditor or the debtor objected to are confirmed by ruling; a disputed claim goes to a lawsuit (Enterprise Bankruptcy Law Art. 58(2)-(3); Interpretation III Art. 8).</translation>
    </message>
    <message>
        <source>Claim {claim} was already confirmed by ruling {ruling}.</source>
        <translation>Claim {claim} was already confirmed by ruling {ruling}.</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseList</name>
    <message>
        <source>Bankruptcy cases</source>
        <translation>Bankruptcy cases</translation>
    </message>
    <message>
        <source>Search case number or debtor</source>
        <translation>Search case number or debtor</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>No bankruptcy case yet. A case appears here once the court accepts it and you are its administrator, or the administrator invites you as a creditor, and the chain delivers it.</source>
        <translation>No bankruptcy case yet. A case appears here once the court accepts it and you are its administrator, or the administrator invites you as a creditor, and the chain delivers it.</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Claim table</source>
        <translation>Claim table</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>not published</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>version {n}</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseView</name>
    <message>
        <source>← Cases</source>
        <translation>← Cases</translation>
    </message>
    <message>
        <source>Declare a claim…</source>
        <translation>Declare a claim…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Object…</source>
        <translation>Object…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Publish the claim table…</source>
        <translation>Publish the claim table…</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>Claim table</source>
        <translation>Claim table</translation>
    </message>
    <message>
        <source>{debtor} · {number}</source>
        <translation>{debtor} · {number}</translation>
    </message>
    <message>
        <source>You are the administrator.</source>
        <translation>You are the administrator.</translation>
    </message>
    <message>
        <source>You are the court.</source>
        <translation>You are the court.</translation>
    </message>
    <message>
        <source>You take part as a creditor.</source>
        <translation>You take part as a creditor.</translation>
    </message>
    <message>
        <source>Claim table version {n} published.</source>
        <translation>Claim table version {n} published.</translation>
    </message>
    <message>
        <source>No claim table published yet.</source>
        <translation>No claim table published yet.</translation>
    </message>
    <message>
        <source>{court}; administrator {administrator}. Accepted {accepted}; claims are declared until {ends} (Art. 45, 56: later ones are accepted and flagged late); first creditors&apos; meeting {meeting} (Art. 62). {claims} claims. {table} {me}</source>
        <translation>{court}; administrator {administrator}. Accepted {accepted}; claims are declared until {ends} (Art. 45, 56: later ones are accepted and flagged late); first creditors&apos; meeting {meeting} (Art. 62). {claims} claims. {table} {me}</translation>
    </message>
</context>
<context>
    <name>BankruptcyPage</name>
    <message>
        <source>Bankruptcy</source>
        <translation>Bankruptcy</translation>
    </message>
    <message>
        <source>The bankruptcy module (claims, the claim table, creditors&apos; meetings and votes) arrives with a later release of Judicial Chain Desk. Until then this desktop keeps every bankruptcy statement it signs or receives in its local log, and the module will show them from there.</source>
        <translation>The bankruptcy module (claims, the claim table, creditors&apos; meetings and votes) arrives with a later release of Judicial Chain Desk. Until then this desktop keeps every bankruptcy statement it signs or receives in its local log, and the module will show them from there.</translation>
    </message>
</context>
<context>
    <name>BankruptcyWords</name>
    <message>
        <source>Awaiting review</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Confirmed by the court</source>
        <translation>Confirmed by the court</translation>
    </message>
    <message>
        <source>Provisional amount</source>
        <translation>Provisional amount</translation>
    </message>
    <message>
        <source>Secured</source>
        <translation>Secured</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>Ordinary claim</source>
        <translation>Ordinary claim</translation>
    </message>
    <message>
        <source>Secured claim</source>
        <translation>Secured claim</translation>
    </message>
    <message>
        <source>Tax claim</source>
        <translation>Tax claim</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <source>Employees&apos; wages</source>
        <translation>Employees&apos; wages</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Other amounts</source>
        <translation>Other amounts</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Declared</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Objection raised</source>
        <translation>Objection raised</translation>
    </message>
    <message>
        <source>Objection answered</source>
        <translation>Objection answered</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Mediation cases</source>
        <translation>Mediation cases</translation>
    </message>
    <message>
        <source>Search case id, party name or summary</source>
        <translation>Search case id, party name or summary</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cases you open, and cases in which you are a party, appear here as the chain delivers them.</source>
        <translation>Cases you open, and cases in which you are a party, appear here as the chain delivers them.</translation>
    </message>
    <message>
        <source>Cases in which you are a party appear here once the mediator opens them and the chain delivers them. Only a mediator opens a case.</source>
        <translation>Cases in which you are a party appear here once the mediator opens them and the chain delivers them. Only a mediator opens a case.</translation>
    </message>
    <message>
        <source>No case matches the search.</source>
        <translation>No case matches the search.</translation>
    </message>
    <message>
        <source>No mediation case yet.</source>
        <translation>No mediation case yet.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Last change</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>← Cases</source>
        <translation>← Cases</translation>
    </message>
    <message>
        <source>Close the case…</source>
        <translation>Close the case…</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>{case} · {dispute}</source>
        <translation>{case} · {dispute}</translation>
    </message>
    <message>
        <source>You are the mediator.</source>
        <translation>You are the mediator.</translation>
    </message>
    <message>
        <source>You are a party: {name}, {role}.</source>
        <translation>You are a party: {name}, {role}.</translation>
    </message>
    <message>
        <source>You follow this case.</source>
        <translation>You follow this case.</translation>
    </message>
    <message>
        <source>{summary} — {organisation}, mediator {mediator}. {me}</source>
        <translation>{summary} — {organisation}, mediator {mediator}. {me}</translation>
    </message>
</context>
<context>
    <name>CaseworkWords</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>{state} (on chain {time})</source>
        <translation>{state} (on chain {time})</translation>
    </message>
    <message>
        <source>{state} (index {index})</source>
        <translation>{state} (index {index})</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
</context>
<context>
    <name>ChainForm</name>
    <message>
        <source>Enter the address of the court&apos;s chain node.</source>
        <translation>Enter the address of the court&apos;s chain node.</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss:// and name a host, for example wss://chain.court.example/ws.</source>
        <translation>The address must start with ws:// or wss:// and name a host, for example wss://chain.court.example/ws.</translation>
    </message>
    <message>
        <source>The log key is not a verifier key (name+hash+key).</source>
        <translation>The log key is not a verifier key (name+hash+key).</translation>
    </message>
    <message>
        <source>Enter the log key as well, or leave the witness keys empty.</source>
        <translation>Enter the log key as well, or leave the witness keys empty.</translation>
    </message>
    <message>
        <source>Witness key {number} is not a verifier key.</source>
        <translation>Witness key {number} is not a verifier key.</translation>
    </message>
    <message>
        <source>Embedded node on this computer (default)</source>
        <translation>Embedded node on this computer (default)</translation>
    </message>
    <message>
        <source>Good for trying the app and for a mediator working alone: the node runs in the background on this computer and approves new keys automatically.</source>
        <translation>Good for trying the app and for a mediator working alone: the node runs in the background on this computer and approves new keys automatically.</translation>
    </message>
    <message>
        <source>The court&apos;s chain node at this address:</source>
        <translation>The court&apos;s chain node at this address:</translation>
    </message>
    <message>
        <source>Log key (optional):</source>
        <translation>Log key (optional):</translation>
    </message>
    <message>
        <source>Witness keys (optional):</source>
        <translation>Witness keys (optional):</translation>
    </message>
    <message>
        <source>as published by the court</source>
        <translation>as published by the court</translation>
    </message>
    <message>
        <source>one key per line</source>
        <translation>one key per line</translation>
    </message>
    <message>
        <source>When the court publishes its log key, enter it: the desktop then refuses a node that presents other keys. Without it, the keys seen at the first connection are trusted from then on.</source>
        <translation>When the court publishes its log key, enter it: the desktop then refuses a node that presents other keys. Without it, the keys seen at the first connection are trusted from then on.</translation>
    </message>
    <message>
        <source>This address is not encrypted (ws://). Use wss:// for a node across a network.</source>
        <translation>This address is not encrypted (ws://). Use wss:// for a node across a network.</translation>
    </message>
</context>
<context>
    <name>ChainPage</name>
    <message>
        <source>Checking the local log…</source>
        <translation>Checking the local log…</translation>
    </message>
    <message>
        <source>Comparing every view with a replay of the log…</source>
        <translation>Comparing every view with a replay of the log…</translation>
    </message>
    <message>
        <source>Verifying entry {done} of {total}…</source>
        <translation>Verifying entry {done} of {total}…</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <source>The check could not run.</source>
        <translation>The check could not run.</translation>
    </message>
    <message>
        <source>OK: {count} entries verified, and every view matches a replay of the log.</source>
        <translation>OK: {count} entries verified, and every view matches a replay of the log.</translation>
    </message>
    <message>
        <source>{problems} problems found in {count} entries:</source>
        <translation>{problems} problems found in {count} entries:</translation>
    </message>
    <message>
        <source>Entries signed on this desktop, and what the chain says of them</source>
        <translation>Entries signed on this desktop, and what the chain says of them</translation>
    </message>
    <message>
        <source>Checkpoints this desktop verified</source>
        <translation>Checkpoints this desktop verified</translation>
    </message>
    <message>
        <source>Check local log</source>
        <translation>Check local log</translation>
    </message>
    <message>
        <source>Re-verify every entry&apos;s signature and compare every table with a replay of the log (the on-chain/off-chain consistency check).</source>
        <translation>Re-verify every entry&apos;s signature and compare every table with a replay of the log (the on-chain/off-chain consistency check).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChainStatusBar</name>
    <message>
        <source>{name} · {role} · key {key_id}</source>
        <translation>{name} · {role} · key {key_id}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Node: {url} · embedded, auto-approve</source>
        <translation>Node: {url} · embedded, auto-approve</translation>
    </message>
    <message>
        <source>Node: {url} · embedded</source>
        <translation>Node: {url} · embedded</translation>
    </message>
    <message>
        <source>Node: {url} · auto-approve</source>
        <translation>Node: {url} · auto-approve</translation>
    </message>
    <message>
        <source>Node: {url}</source>
        <translation>Node: {url}</translation>
    </message>
    <message>
        <source>Log: {origin}</source>
        <translation>Log: {origin}</translation>
    </message>
    <message>
        <source>The log&apos;s keys were trusted on first use (none were configured).</source>
        <translation>The log&apos;s keys were trusted on first use (none were configured).</translation>
    </message>
    <message>
        <source>The log&apos;s keys match the ones configured for this profile.</source>
        <translation>The log&apos;s keys match the ones configured for this profile.</translation>
    </message>
    <message>
        <source>This node approves every enrolment automatically: anyone who can reach it can join. Use a court&apos;s node for real cases.</source>
        <translation>This node approves every enrolment automatically: anyone who can reach it can join. Use a court&apos;s node for real cases.</translation>
    </message>
    <message>
        <source>Waiting to sync: {count}</source>
        <translation>Waiting to sync: {count}</translation>
    </message>
    <message>
        <source>{pending} signed and pending on this computer, {submitted} submitted and awaiting a verified receipt</source>
        <translation>{pending} signed and pending on this computer, {submitted} submitted and awaiting a verified receipt</translation>
    </message>
    <message>
        <source>Rejected by the node: {count}</source>
        <translation>Rejected by the node: {count}</translation>
    </message>
    <message>
        <source>No verified checkpoint yet</source>
        <translation>No verified checkpoint yet</translation>
    </message>
    <message>
        <source>Verified checkpoint: {size} entries</source>
        <translation>Verified checkpoint: {size} entries</translation>
    </message>
    <message>
        <source>⚠ ALARM</source>
        <translation>⚠ ALARM</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline: signed entries wait on this computer</source>
        <translation>Offline: signed entries wait on this computer</translation>
    </message>
    <message>
        <source>Not enrolled with this node</source>
        <translation>Not enrolled with this node</translation>
    </message>
    <message>
        <source>Alarm: syncing stopped</source>
        <translation>Alarm: syncing stopped</translation>
    </message>
</context>
<context>
    <name>CheckpointModel</name>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Root hash</source>
        <translation>Root hash</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
</context>
<context>
    <name>ClaimDetailPanel</name>
    <message>
        <source>Declaration versions</source>
        <translation>Declaration versions</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Review history</translation>
    </message>
    <message>
        <source>Choose a claim to see its history.</source>
        <translation>Choose a claim to see its history.</translation>
    </message>
    <message>
        <source>Claim {claim}: declared {declared} yuan, version {n}</source>
        <translation>Claim {claim}: declared {declared} yuan, version {n}</translation>
    </message>
    <message>
        <source>Objection {id} to the row in table {table}{answered}</source>
        <translation>Objection {id} to the row in table {table}{answered}</translation>
    </message>
    <message>
        <source>, answered</source>
        <translation>, answered</translation>
    </message>
</context>
<context>
    <name>ClaimTable</name>
    <message>
        <source>Search claim or creditor</source>
        <translation>Search claim or creditor</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>Every group</source>
        <translation>Every group</translation>
    </message>
    <message>
        <source>Declared, yuan:</source>
        <translation>Declared, yuan:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Write amounts in yuan with digits, e.g. 60,000.50.</source>
        <translation>Write amounts in yuan with digits, e.g. 60,000.50.</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim(s)</numerusform>
            <numerusform>%n claim(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimTableModel</name>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Declared (yuan)</source>
        <translation>Declared (yuan)</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>Confirmed (yuan)</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Declared on</source>
        <translation>Declared on</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>{amount} (provisional)</source>
        <translation>{amount} (provisional)</translation>
    </message>
    <message>
        <source>Declared after the claim-filing period (Enterprise Bankruptcy Law Art. 56).</source>
        <translation>Declared after the claim-filing period (Enterprise Bankruptcy Law Art. 56).</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close the case without agreement</source>
        <translation>Close the case without agreement</translation>
    </message>
    <message>
        <source>PML Art. 26: when mediation fails, the mediator ends it and tells the parties they may protect their rights by arbitration, administrative means or a lawsuit. Nothing can be added to a closed case.</source>
        <translation>PML Art. 26: when mediation fails, the mediator ends it and tells the parties they may protect their rights by arbitration, administrative means or a lawsuit. Nothing can be added to a closed case.</translation>
    </message>
    <message>
        <source>Why mediation ends</source>
        <translation>Why mediation ends</translation>
    </message>
    <message>
        <source>Sign and close</source>
        <translation>Sign and close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <source>Amend claim {claim}</source>
        <translation>Amend claim {claim}</translation>
    </message>
    <message>
        <source>An amended declaration is version {n} of claim {claim}; the earlier versions stay on the chain (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>An amended declaration is version {n} of claim {claim}; the earlier versions stay on the chain (Enterprise Bankruptcy Law Art. 49).</translation>
    </message>
    <message>
        <source>Declare a claim</source>
        <translation>Declare a claim</translation>
    </message>
    <message>
        <source>Declare your claim against {debtor} to the administrator {administrator}: the amounts, whether it is secured, its nature and your evidence (Enterprise Bankruptcy Law Art. 49; Interpretation III Art. 6). Interest runs at most until the court accepted the case, {accepted} (Art. 46). Claim number: {claim}.</source>
        <translation>Declare your claim against {debtor} to the administrator {administrator}: the amounts, whether it is secured, its nature and your evidence (Enterprise Bankruptcy Law Art. 49; Interpretation III Art. 6). Interest runs at most until the court accepted the case, {accepted} (Art. 46). Claim number: {claim}.</translation>
    </message>
    <message>
        <source>Principal:</source>
        <translation>Principal:</translation>
    </message>
    <message>
        <source>Interest:</source>
        <translation>Interest:</translation>
    </message>
    <message>
        <source>Interest until:</source>
        <translation>Interest until:</translation>
    </message>
    <message>
        <source>Other amounts:</source>
        <translation>Other amounts:</translation>
    </message>
    <message>
        <source>Total declared:</source>
        <translation>Total declared:</translation>
    </message>
    <message>
        <source>Nature:</source>
        <translation>Nature:</translation>
    </message>
    <message>
        <source>Collateral:</source>
        <translation>Collateral:</translation>
    </message>
    <message>
        <source>Joint claim (Art. 50):</source>
        <translation>Joint claim (Art. 50):</translation>
    </message>
    <message>
        <source>Agent (if any):</source>
        <translation>Agent (if any):</translation>
    </message>
    <message>
        <source>Facts:</source>
        <translation>Facts:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>A guarantor&apos;s or guaranteed claim (Art. 51)</source>
        <translation>A guarantor&apos;s or guaranteed claim (Art. 51)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>What secures the claim, e.g. the mortgaged plant (secured claims only)</source>
        <translation>What secures the claim, e.g. the mortgaged plant (secured claims only)</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} yuan</translation>
    </message>
</context>
<context>
    <name>DeclarationsModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>{nature}: {collateral}</source>
        <translation>{nature}: {collateral}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file(s)</numerusform>
            <numerusform>%n file(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisclosuresModel</name>
    <message>
        <source>Disclosed</source>
        <translation>Disclosed</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Mediation agreement (PDF)</source>
        <translation>Mediation agreement (PDF)</translation>
    </message>
    <message>
        <source>Save and register the agreement PDF…</source>
        <translation>Save and register the agreement PDF…</translation>
    </message>
    <message>
        <source>Joint application for judicial confirmation (PML Art. 33)</source>
        <translation>Joint application for judicial confirmation (PML Art. 33)</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>Court:</translation>
    </message>
    <message>
        <source>The basic court of a party&apos;s domicile or of the mediation organisation</source>
        <translation>The basic court of a party&apos;s domicile or of the mediation organisation</translation>
    </message>
    <message>
        <source>Apply (sign my half)</source>
        <translation>Apply (sign my half)</translation>
    </message>
    <message>
        <source>A party applies at this desk…</source>
        <translation>A party applies at this desk…</translation>
    </message>
    <message>
        <source>Save and register the application PDF…</source>
        <translation>Save and register the application PDF…</translation>
    </message>
    <message>
        <source>Application for enforcement</source>
        <translation>Application for enforcement</translation>
    </message>
    <message>
        <source>Documents registered on the chain</source>
        <translation>Documents registered on the chain</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Saved to {path} and registered (SHA-256 {sha}).</source>
        <translation>Saved to {path} and registered (SHA-256 {sha}).</translation>
    </message>
    <message>
        <source>Saved to {path}, but not registered: the Verify page will not know it.</source>
        <translation>Saved to {path}, but not registered: the Verify page will not know it.</translation>
    </message>
    <message>
        <source>No agreement proposed yet.</source>
        <translation>No agreement proposed yet.</translation>
    </message>
    <message>
        <source>Version {n} is not in effect yet: the PDF shows the signatures so far and says it is not in effect.</source>
        <translation>Version {n} is not in effect yet: the PDF shows the signatures so far and says it is not in effect.</translation>
    </message>
    <message>
        <source>In effect since {time}. {count} signature(s) are not confirmed by the chain yet; a PDF made now says so. Wait for the receipts for a complete one.</source>
        <translation>In effect since {time}. {count} signature(s) are not confirmed by the chain yet; a PDF made now says so. Wait for the receipts for a complete one.</translation>
    </message>
    <message>
        <source>In effect since {time}; every signature is confirmed by the chain.</source>
        <translation>In effect since {time}; every signature is confirmed by the chain.</translation>
    </message>
    <message>
        <source>Both parties apply together within 30 days of the agreement taking effect, the day of effect not counted (PML Art. 33; Civil Code Art. 201): by {deadline} ({days} days left).</source>
        <translation>Both parties apply together within 30 days of the agreement taking effect, the day of effect not counted (PML Art. 33; Civil Code Art. 201): by {deadline} ({days} days left).</translation>
    </message>
    <message>
        <source>The 30 days for applying ended on {deadline} (PML Art. 33; CPL Art. 205). An application made now is still sent, marked late: the court decides whether to accept it, for instance on a proper reason for the delay (CPL Art. 86).</source>
        <translation>The 30 days for applying ended on {deadline} (PML Art. 33; CPL Art. 205). An application made now is still sent, marked late: the court decides whether to accept it, for instance on a proper reason for the delay (CPL Art. 86).</translation>
    </message>
    <message>
        <source>{name} applied to {court} on {time}, after the 30 days ended: late, the court decides whether to accept it (CPL Art. 86) — {status}</source>
        <translation>{name} applied to {court} on {time}, after the 30 days ended: late, the court decides whether to accept it (CPL Art. 86) — {status}</translation>
    </message>
    <message>
        <source>{name} applied to {court} on {time} — {status}</source>
        <translation>{name} applied to {court} on {time} — {status}</translation>
    </message>
    <message>
        <source>Not yet applied: {names}</source>
        <translation>Not yet applied: {names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed by the contract rule {rule}</source>
        <translation>{obligation}, instalment {seq}: filed by the contract rule {rule}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: the obligee&apos;s application</source>
        <translation>{obligation}, instalment {seq}: the obligee&apos;s application</translation>
    </message>
    <message>
        <source>An obligation was not performed in time. The application names the agreement, what was due, what was confirmed, and the chain entry that filed it.</source>
        <translation>An obligation was not performed in time. The application names the agreement, what was due, what was confirmed, and the chain entry that filed it.</translation>
    </message>
    <message>
        <source>Apply for judicial confirmation of the agreement of case {case}.</source>
        <translation>Apply for judicial confirmation of the agreement of case {case}.</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Mediation agreement {case} v{n}.pdf</source>
        <translation>Mediation agreement {case} v{n}.pdf</translation>
    </message>
    <message>
        <source>Application for judicial confirmation {case}.pdf</source>
        <translation>Application for judicial confirmation {case}.pdf</translation>
    </message>
    <message>
        <source>Application for enforcement {case} {obligation}.pdf</source>
        <translation>Application for enforcement {case} {obligation}.pdf</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Enrolment</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>The chain node learns your key and your role</source>
        <translation>The chain node learns your key and your role</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>embedded node on this computer</source>
        <translation>embedded node on this computer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>Chain node</translation>
    </message>
    <message>
        <source>Starting the embedded node on this computer…</source>
        <translation>Starting the embedded node on this computer…</translation>
    </message>
    <message>
        <source>Encrypting your key and preparing the profile…</source>
        <translation>Encrypting your key and preparing the profile…</translation>
    </message>
    <message>
        <source>Sending the enrolment to the chain node…</source>
        <translation>Sending the enrolment to the chain node…</translation>
    </message>
    <message>
        <source>Approved: your key may now sign as {role}.</source>
        <translation>Approved: your key may now sign as {role}.</translation>
    </message>
    <message>
        <source>The embedded node on this computer approves new keys automatically. A court&apos;s node waits for its operator instead.</source>
        <translation>The embedded node on this computer approves new keys automatically. A court&apos;s node waits for its operator instead.</translation>
    </message>
    <message>
        <source>Press Finish to open your profile.</source>
        <translation>Press Finish to open your profile.</translation>
    </message>
    <message>
        <source>Pending: the court&apos;s operator must approve key {key_id}.</source>
        <translation>Pending: the court&apos;s operator must approve key {key_id}.</translation>
    </message>
    <message>
        <source>You can finish now. Until the key is approved, what you sign waits on this computer; the status bar shows when the node accepts it.</source>
        <translation>You can finish now. Until the key is approved, what you sign waits on this computer; the status bar shows when the node accepts it.</translation>
    </message>
    <message>
        <source>The embedded node could not be started: {error}</source>
        <translation>The embedded node could not be started: {error}</translation>
    </message>
    <message>
        <source>The profile could not be prepared: {error}</source>
        <translation>The profile could not be prepared: {error}</translation>
    </message>
    <message>
        <source>The enrolment did not reach the chain node: {error}</source>
        <translation>The enrolment did not reach the chain node: {error}</translation>
    </message>
    <message>
        <source>Check the address and your network connection, then press Retry, or go Back to choose another node.</source>
        <translation>Check the address and your network connection, then press Retry, or go Back to choose another node.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>This is a fault in the program, not something you did.</source>
        <translation>This is a fault in the program, not something you did.</translation>
    </message>
    <message>
        <source>Something went wrong inside Judicial Chain Desk: {detail}</source>
        <translation>Something went wrong inside Judicial Chain Desk: {detail}</translation>
    </message>
    <message>
        <source>Judicial Chain Desk</source>
        <translation>Judicial Chain Desk</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>The details were written to {path}.</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>Attach files…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Only each file&apos;s SHA-256 fingerprint, name and size are signed; the files stay on this computer. Keep them: the fingerprint proves they are unchanged.</source>
        <translation>Only each file&apos;s SHA-256 fingerprint, name and size are signed; the files stay on this computer. Keep them: the fingerprint proves they are unchanged.</translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation>Attach evidence files</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {detail}</source>
        <translation>The file {path} cannot be read: {detail}</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Judicial Chain Desk</source>
        <translation>Set up Judicial Chain Desk</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InstalmentsModel</name>
    <message>
        <source>Instalment</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>Obligation</translation>
    </message>
    <message>
        <source>Obligor</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <source>Obligee</source>
        <translation>Obligee</translation>
    </message>
    <message>
        <source>Paid so far (yuan)</source>
        <translation>Paid so far (yuan)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>due by {date}</source>
        <translation>due by {date}</translation>
    </message>
    <message>
        <source>overdue — grace until {time}</source>
        <translation>overdue — grace until {time}</translation>
    </message>
    <message>
        <source>not performed — filed for trial {time}</source>
        <translation>not performed — filed for trial {time}</translation>
    </message>
    <message>
        <source>not performed — enforcement requested {time}</source>
        <translation>not performed — enforcement requested {time}</translation>
    </message>
    <message>
        <source>not performed since {time}</source>
        <translation>not performed since {time}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}</source>
        <translation>{obligation}, instalment {seq}</translation>
    </message>
    <message>
        <source>Due at the end of the day, China Standard Time: {time}</source>
        <translation>Due at the end of the day, China Standard Time: {time}</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256: {sha}</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Choose a passphrase and type it twice.</source>
        <translation>Choose a passphrase and type it twice.</translation>
    </message>
    <message>
        <source>The passphrase must be at least {count} characters long.</source>
        <translation>The passphrase must be at least {count} characters long.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use a longer one, for example a short sentence.</source>
        <translation>This passphrase is too easy to guess. Use a longer one, for example a short sentence.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>Your key</translation>
    </message>
    <message>
        <source>A key pair that signs your statements, kept on this computer</source>
        <translation>A key pair that signs your statements, kept on this computer</translation>
    </message>
    <message>
        <source>Your key is stored encrypted in the profile folder; the passphrase unlocks it each time you start the app. Nobody can recover a forgotten passphrase: you would need a new key, approved again by the court.</source>
        <translation>Your key is stored encrypted in the profile folder; the passphrase unlocks it each time you start the app. Nobody can recover a forgotten passphrase: you would need a new key, approved again by the court.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repeat it:</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Show the passphrase</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Create key</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>Your key has been created. Its key id, which the court&apos;s operator sees when approving it:</source>
        <translation>Your key has been created. Its key id, which the court&apos;s operator sees when approving it:</translation>
    </message>
</context>
<context>
    <name>KeyPicker</name>
    <message>
        <source>Find by name</source>
        <translation>Find by name</translation>
    </message>
    <message>
        <source>Look up enrolled people</source>
        <translation>Look up enrolled people</translation>
    </message>
    <message>
        <source>Ask the chain node for everyone whose enrolment it approved.</source>
        <translation>Ask the chain node for everyone whose enrolment it approved.</translation>
    </message>
    <message>
        <source>…or paste the party&apos;s verifier key</source>
        <translation>…or paste the party&apos;s verifier key</translation>
    </message>
    <message>
        <source>(no key yet: the party cannot sign)</source>
        <translation>(no key yet: the party cannot sign)</translation>
    </message>
    <message>
        <source>{name} — {role}, key {key_id}</source>
        <translation>{name} — {role}, key {key_id}</translation>
    </message>
    <message>
        <source>This is not a verifier key (name+hash+key).</source>
        <translation>This is not a verifier key (name+hash+key).</translation>
    </message>
    <message>
        <source>This is not a person&apos;s signing key.</source>
        <translation>This is not a person&apos;s signing key.</translation>
    </message>
    <message>
        <source>Asking the chain node…</source>
        <translation>Asking the chain node…</translation>
    </message>
    <message>
        <source>The party signs with the key {key_id}.</source>
        <translation>The party signs with the key {key_id}.</translation>
    </message>
    <message>
        <source>Without a key the party can be named but cannot sign; add it later from the Parties tab.</source>
        <translation>Without a key the party can be named but cannot sign; add it later from the Parties tab.</translation>
    </message>
</context>
<context>
    <name>KeyRevocationDialog</name>
    <message>
        <source>Replacing your key at the chain node… (this takes a few seconds)</source>
        <translation>Replacing your key at the chain node… (this takes a few seconds)</translation>
    </message>
    <message>
        <source>Revoking your key at the chain node… (this takes a few seconds)</source>
        <translation>Revoking your key at the chain node… (this takes a few seconds)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Your old key {old} is revoked: the chain node logged its revocation as entry #{index}. From there on the chain refuses anything signed with it; what it signed before stays valid.</source>
        <translation>Your old key {old} is revoked: the chain node logged its revocation as entry #{index}. From there on the chain refuses anything signed with it; what it signed before stays valid.</translation>
    </message>
    <message>
        <source>Your new key {new} is enrolled under the same name and role ({name}) and carries on in every case of the old one.</source>
        <translation>Your new key {new} is enrolled under the same name and role ({name}) and carries on in every case of the old one.</translation>
    </message>
    <message>
        <source>Your new key {new} was named as the successor; its enrolment under the same name ({name}) waits for the court&apos;s approval. Until then it cannot sign.</source>
        <translation>Your new key {new} was named as the successor; its enrolment under the same name ({name}) waits for the court&apos;s approval. Until then it cannot sign.</translation>
    </message>
    <message>
        <source>Your new key {new} was named as the successor, but its enrolment did not go through ({detail}). The name stays reserved for it: enrol the profile again when the chain node is reachable.</source>
        <translation>Your new key {new} was named as the successor, but its enrolment did not go through ({detail}). The name stays reserved for it: enrol the profile again when the chain node is reachable.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>No successor was named: this profile now holds a new key {new} that the chain does not know. To sign again it must be enrolled under another name, and the members of your cases must add it again.</source>
        <translation>No successor was named: this profile now holds a new key {new} that the chain does not know. To sign again it must be enrolled under another name, and the members of your cases must add it again.</translation>
    </message>
    <message>
        <source>The old key file is kept as {path}: it still opens what it sealed. Keep it safe; never use it to sign.</source>
        <translation>The old key file is kept as {path}: it still opens what it sealed. Keep it safe; never use it to sign.</translation>
    </message>
    <message>
        <source>This desk is still running with the old key, and the chain refuses what it signs now. Close the desk and start it again, unlocking with the same passphrase: it then opens the new key.</source>
        <translation>This desk is still running with the old key, and the chain refuses what it signs now. Close the desk and start it again, unlocking with the same passphrase: it then opens the new key.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>The revocation went through, but then: {error}</source>
        <translation>The revocation went through, but then: {error}</translation>
    </message>
    <message>
        <source>This profile now holds a new key. Close the desk and start it again, unlocking with the same passphrase.</source>
        <translation>This profile now holds a new key. Close the desk and start it again, unlocking with the same passphrase.</translation>
    </message>
    <message>
        <source>Your key was not revoked: {error}</source>
        <translation>Your key was not revoked: {error}</translation>
    </message>
    <message>
        <source>Not done: the chain node has not logged a revocation, so the profile still holds your current key and this desk still signs with it.</source>
        <translation>Not done: the chain node has not logged a revocation, so the profile still holds your current key and this desk still signs with it.</translation>
    </message>
    <message>
        <source>Done: a new key was made and kept beside the old one; the next try uses it. If the revocation had been signed before this failed, it waits on the Chain page and is sent with the next sync.</source>
        <translation>Done: a new key was made and kept beside the old one; the next try uses it. If the revocation had been signed before this failed, it waits on the Chain page and is sent with the next sync.</translation>
    </message>
    <message>
        <source>Try again when the chain node is reachable.</source>
        <translation>Try again when the chain node is reachable.</translation>
    </message>
    <message>
        <source>Replace my key</source>
        <translation>Replace my key</translation>
    </message>
    <message>
        <source>Revoke my key</source>
        <translation>Revoke my key</translation>
    </message>
    <message>
        <source>Revoke or replace my key</source>
        <translation>Revoke or replace my key</translation>
    </message>
    <message>
        <source>Electronic Signature Law Art. 15: if you know, or should know, that your key may be in someone else&apos;s hands, stop using it and tell the parties. Revoking it at the chain node does both: from the node&apos;s revocation on, the chain refuses anything signed with it, and everyone who checks an entry sees when the key was revoked. Statements you signed before stay valid. This cannot be undone.</source>
        <translation>Electronic Signature Law Art. 15: if you know, or should know, that your key may be in someone else&apos;s hands, stop using it and tell the parties. Revoking it at the chain node does both: from the node&apos;s revocation on, the chain refuses anything signed with it, and everyone who checks an entry sees when the key was revoked. Statements you signed before stay valid. This cannot be undone.</translation>
    </message>
    <message>
        <source>Replace my key: a new key under the same name</source>
        <translation>Replace my key: a new key under the same name</translation>
    </message>
    <message>
        <source>A new key is made and named as the old one&apos;s successor; it is enrolled under your name and role ({name}) and carries on in every case of the old key. For a new computer, or a key you fear was seen but is still in your hands.</source>
        <translation>A new key is made and named as the old one&apos;s successor; it is enrolled under your name and role ({name}) and carries on in every case of the old key. For a new computer, or a key you fear was seen but is still in your hands.</translation>
    </message>
    <message>
        <source>Revoke only: the key may have been stolen</source>
        <translation>Revoke only: the key may have been stolen</translation>
    </message>
    <message>
        <source>This desk can no longer sign with your key, and no successor is named. A new key is made for this profile, but it inherits nothing: it must be enrolled under another name, and the members of your cases add it again.</source>
        <translation>This desk can no longer sign with your key, and no successor is named. A new key is made for this profile, but it inherits nothing: it must be enrolled under another name, and the members of your cases add it again.</translation>
    </message>
    <message>
        <source>Reason (public):</source>
        <translation>Reason (public):</translation>
    </message>
    <message>
        <source>for example: new computer; laptop stolen</source>
        <translation>for example: new computer; laptop stolen</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>the passphrase that unlocks your key</source>
        <translation>the passphrase that unlocks your key</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close the desk now</source>
        <translation>Close the desk now</translation>
    </message>
</context>
<context>
    <name>LedgerError</name>
    <message>
        <source>Refused by rule {rule}: {reason}</source>
        <translation>Refused by rule {rule}: {reason}</translation>
    </message>
    <message>
        <source>No rule of this chain covers statements of type {type}, so none is accepted.</source>
        <translation>No rule of this chain covers statements of type {type}, so none is accepted.</translation>
    </message>
    <message>
        <source>The ledger reported an error: {detail}</source>
        <translation>The ledger reported an error: {detail}</translation>
    </message>
    <message>
        <source>The statement is not valid canonical JSON: {detail}</source>
        <translation>The statement is not valid canonical JSON: {detail}</translation>
    </message>
    <message>
        <source>The key file cannot be used: {detail}</source>
        <translation>The key file cannot be used: {detail}</translation>
    </message>
    <message>
        <source>Wrong passphrase: the key in {path} could not be unlocked. Check the passphrase and try again.</source>
        <translation>Wrong passphrase: the key in {path} could not be unlocked. Check the passphrase and try again.</translation>
    </message>
    <message>
        <source>The signed note is malformed: {detail}</source>
        <translation>The signed note is malformed: {detail}</translation>
    </message>
    <message>
        <source>A signature does not verify: {detail}</source>
        <translation>A signature does not verify: {detail}</translation>
    </message>
    <message>
        <source>The statement is not valid: {detail}</source>
        <translation>The statement is not valid: {detail}</translation>
    </message>
    <message>
        <source>The checkpoint is not valid: {detail}</source>
        <translation>The checkpoint is not valid: {detail}</translation>
    </message>
    <message>
        <source>The receipt does not verify: {detail}</source>
        <translation>The receipt does not verify: {detail}</translation>
    </message>
    <message>
        <source>The local database cannot be used: {detail}</source>
        <translation>The local database cannot be used: {detail}</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Judicial Chain Desk (schema revision {revision}). Install the newer version to open it; nothing was changed.</source>
        <translation>This database was written by a newer version of Judicial Chain Desk (schema revision {revision}). Install the newer version to open it; nothing was changed.</translation>
    </message>
    <message>
        <source>Personal data must not go on the chain in clear: a text holds what looks like an identity, phone or account number. Keep it in the case file; the statement carries only its salted hash (PIPL Art. 51; SPC Opinions item 31).</source>
        <translation>Personal data must not go on the chain in clear: a text holds what looks like an identity, phone or account number. Keep it in the case file; the statement carries only its salted hash (PIPL Art. 51; SPC Opinions item 31).</translation>
    </message>
    <message>
        <source>The profile&apos;s data key cannot be used: {detail}</source>
        <translation>The profile&apos;s data key cannot be used: {detail}</translation>
    </message>
    <message>
        <source>The private details of case {case} cannot be decrypted: they were altered, or were written under another profile&apos;s data key. Nothing was changed.</source>
        <translation>The private details of case {case} cannot be decrypted: they were altered, or were written under another profile&apos;s data key. Nothing was changed.</translation>
    </message>
    <message>
        <source>The chain node refused: {detail}</source>
        <translation>The chain node refused: {detail}</translation>
    </message>
    <message>
        <source>The chain node answered {code}: {detail}</source>
        <translation>The chain node answered {code}: {detail}</translation>
    </message>
    <message>
        <source>The chain node at {url} cannot be reached ({detail}). Your signed entries are kept on this computer and will be sent when it is back.</source>
        <translation>The chain node at {url} cannot be reached ({detail}). Your signed entries are kept on this computer and will be sent when it is back.</translation>
    </message>
    <message>
        <source>The node at {url} presents other keys than the ones this desktop pinned for log {origin}. Nothing was sent. Check with the court before trusting it.</source>
        <translation>The node at {url} presents other keys than the ones this desktop pinned for log {origin}. Nothing was sent. Check with the court before trusting it.</translation>
    </message>
    <message>
        <source>ALARM ({kind}): the chain node&apos;s log is not consistent with what this desktop verified before. {detail} Both checkpoints are kept as evidence; syncing has stopped.</source>
        <translation>ALARM ({kind}): the chain node&apos;s log is not consistent with what this desktop verified before. {detail} Both checkpoints are kept as evidence; syncing has stopped.</translation>
    </message>
    <message>
        <source>The profile backup failed: {detail}</source>
        <translation>The profile backup failed: {detail}</translation>
    </message>
    <message>
        <source>Wrong passphrase: the backup {path} could not be opened. Type the passphrase the profile had when it was backed up.</source>
        <translation>Wrong passphrase: the backup {path} could not be opened. Type the passphrase the profile had when it was backed up.</translation>
    </message>
    <message>
        <source>{path} is not a Judicial Chain Desk backup, or it is damaged: {detail}. Nothing was restored.</source>
        <translation>{path} is not a Judicial Chain Desk backup, or it is damaged: {detail}. Nothing was restored.</translation>
    </message>
    <message>
        <source>The profile {profile} already holds data. Restore into a new profile, or confirm that it should be replaced.</source>
        <translation>The profile {profile} already holds data. Restore into a new profile, or confirm that it should be replaced.</translation>
    </message>
    <message>
        <source>The key could not be revoked: {detail}</source>
        <translation>The key could not be revoked: {detail}</translation>
    </message>
    <message>
        <source>This profile has not reached its chain node yet, so it does not know which log to sign for. Connect once (the status bar shows the node), then try again.</source>
        <translation>This profile has not reached its chain node yet, so it does not know which log to sign for. Connect once (the status bar shows the node), then try again.</translation>
    </message>
    <message>
        <source>Entry #{index} was signed with a key revoked at entry #{revoked}; the chain node refuses every entry of a revoked key from its revocation on, so this one should never have been logged</source>
        <translation>Entry #{index} was signed with a key revoked at entry #{revoked}; the chain node refuses every entry of a revoked key from its revocation on, so this one should never have been logged</translation>
    </message>
    <message>
        <source>This desktop has not pinned the chain&apos;s log and witness keys yet, so it cannot check receipts. Connect to the chain node once (the status bar shows it), then try again.</source>
        <translation>This desktop has not pinned the chain&apos;s log and witness keys yet, so it cannot check receipts. Connect to the chain node once (the status bar shows it), then try again.</translation>
    </message>
    <message>
        <source>The evidence file cannot be used: {detail}</source>
        <translation>The evidence file cannot be used: {detail}</translation>
    </message>
    <message>
        <source>The evidence file {name} was not sealed for this key, so it cannot be opened here. Ask the creditor who uploaded it to share it with you.</source>
        <translation>The evidence file {name} was not sealed for this key, so it cannot be opened here. Ask the creditor who uploaded it to share it with you.</translation>
    </message>
    <message>
        <source>The evidence file {name} was altered, cut short or belongs to another case or file: its encryption does not check. It is not shown.</source>
        <translation>The evidence file {name} was altered, cut short or belongs to another case or file: its encryption does not check. It is not shown.</translation>
    </message>
    <message>
        <source>The evidence file {name} does not match the SHA-256 the creditor signed in the declaration ({declared}; the file is {actual}). It is not shown: the evidence submitted with a claim must be the evidence declared (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>The evidence file {name} does not match the SHA-256 the creditor signed in the declaration ({declared}; the file is {actual}). It is not shown: the evidence submitted with a claim must be the evidence declared (Enterprise Bankruptcy Law Art. 49).</translation>
    </message>
    <message>
        <source>Personal data can be stored and read only in a profile unlocked with its passphrase.</source>
        <translation>Personal data can be stored and read only in a profile unlocked with its passphrase.</translation>
    </message>
    <message>
        <source>Claim table version {version} recomputed on this desktop does not match the one the administrator published ({what}); it is not printed (Enterprise Bankruptcy Law Art. 57). Check the case on the Verify page.</source>
        <translation>Claim table version {version} recomputed on this desktop does not match the one the administrator published ({what}); it is not printed (Enterprise Bankruptcy Law Art. 57). Check the case on the Verify page.</translation>
    </message>
    <message>
        <source>The document was cancelled.</source>
        <translation>The document was cancelled.</translation>
    </message>
</context>
<context>
    <name>LegalPeriod</name>
    <message>
        <source>The holiday calendar does not cover {year} yet; weekends only are counted as rest days (Civil Code Art. 203).</source>
        <translation>The holiday calendar does not cover {year} yet; weekends only are counted as rest days (Civil Code Art. 203).</translation>
    </message>
    <message>
        <source>The last day, {moved_from}, is a rest day; the period ends on the next working day, {last_day} (Civil Code Art. 203; Civil Procedure Law Art. 85).</source>
        <translation>The last day, {moved_from}, is a rest day; the period ends on the next working day, {last_day} (Civil Code Art. 203; Civil Procedure Law Art. 85).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About Judicial Chain Desk</source>
        <translation>About Judicial Chain Desk</translation>
    </message>
    <message>
        <source>Judicial Chain Desk records mediation and bankruptcy proceedings as signed statements on a judicial chain node, with receipts anyone can verify offline.</source>
        <translation>Judicial Chain Desk records mediation and bankruptcy proceedings as signed statements on a judicial chain node, with receipts anyone can verify offline.</translation>
    </message>
    <message>
        <source>Judicial Chain Desk — {name} ({role}, profile {profile})</source>
        <translation>Judicial Chain Desk — {name} ({role}, profile {profile})</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>Bankruptcy</source>
        <translation>Bankruptcy</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Back Up Profile…</source>
        <translation>&amp;Back Up Profile…</translation>
    </message>
    <message>
        <source>&amp;Restore a Backup…</source>
        <translation>&amp;Restore a Backup…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Judicial Chain Desk</source>
        <translation>&amp;About Judicial Chain Desk</translation>
    </message>
</context>
<context>
    <name>Mediation</name>
    <message>
        <source>CPL Interpretation Art. 355(4): the matter belongs to a special, public-notice or bankruptcy procedure; a court will not accept it for judicial confirmation.</source>
        <translation>CPL Interpretation Art. 355(4): the matter belongs to a special, public-notice or bankruptcy procedure; a court will not accept it for judicial confirmation.</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(5): the agreement confirms ownership of property (物权确权); a court will not accept it for judicial confirmation.</source>
        <translation>CPL Interpretation Art. 355(5): the agreement confirms ownership of property (物权确权); a court will not accept it for judicial confirmation.</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(5): the agreement confirms ownership of intellectual property (知识产权确权); a court will not accept it for judicial confirmation.</source>
        <translation>CPL Interpretation Art. 355(5): the agreement confirms ownership of intellectual property (知识产权确权); a court will not accept it for judicial confirmation.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write the main facts of the dispute.</source>
        <translation>People&apos;s Mediation Law Art. 29(2): write the main facts of the dispute.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write the disputed matters.</source>
        <translation>People&apos;s Mediation Law Art. 29(2): write the disputed matters.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write each party&apos;s responsibility.</source>
        <translation>People&apos;s Mediation Law Art. 29(2): write each party&apos;s responsibility.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(3): write what the parties agreed.</source>
        <translation>People&apos;s Mediation Law Art. 29(3): write what the parties agreed.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(1): name at least two parties.</source>
        <translation>People&apos;s Mediation Law Art. 29(1): name at least two parties.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(1): {parties} not a party to this case.</source>
        <translation>People&apos;s Mediation Law Art. 29(1): {parties} not a party to this case.</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(3): the agreement asks to confirm a personal-status relation (marriage, parent-child, adoption) as valid, invalid or dissolved; a court will not accept that for judicial confirmation. Agreements on support, upbringing costs or property between spouses or family members remain confirmable.</source>
        <translation>CPL Interpretation Art. 355(3): the agreement asks to confirm a personal-status relation (marriage, parent-child, adoption) as valid, invalid or dissolved; a court will not accept that for judicial confirmation. Agreements on support, upbringing costs or property between spouses or family members remain confirmable.</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(3): state at least one obligation, with its manner and time limit of performance.</source>
        <translation>People&apos;s Mediation Law Art. 29(3): state at least one obligation, with its manner and time limit of performance.</translation>
    </message>
    <message>
        <source>Obligation {n}: it needs its own identifier.</source>
        <translation>Obligation {n}: it needs its own identifier.</translation>
    </message>
    <message>
        <source>Obligation {n}: the obligor and the obligee must both be parties to the agreement.</source>
        <translation>Obligation {n}: the obligor and the obligee must both be parties to the agreement.</translation>
    </message>
    <message>
        <source>Obligation {n}: the amount must be a whole number of fen (0 for a non-monetary obligation).</source>
        <translation>Obligation {n}: the amount must be a whole number of fen (0 for a non-monetary obligation).</translation>
    </message>
    <message>
        <source>Obligation {n}: state the manner of performance (e.g. bank transfer).</source>
        <translation>Obligation {n}: state the manner of performance (e.g. bank transfer).</translation>
    </message>
    <message>
        <source>Obligation {n}: set the deadline for performance.</source>
        <translation>Obligation {n}: set the deadline for performance.</translation>
    </message>
    <message>
        <source>Obligation {n}: the grace period is a whole number of days from 0 to 365.</source>
        <translation>Obligation {n}: the grace period is a whole number of days from 0 to 365.</translation>
    </message>
    <message>
        <source>Obligation {n}: the obligor and the obligee must be different parties.</source>
        <translation>Obligation {n}: the obligor and the obligee must be different parties.</translation>
    </message>
    <message>
        <source>Obligation {n}: instalments are numbered 1, 2, 3 … with deadlines in order, each later than the one before.</source>
        <translation>Obligation {n}: instalments are numbered 1, 2, 3 … with deadlines in order, each later than the one before.</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 358(5): obligation {n} is not clear enough (manner or deadline missing); a court would dismiss the application.</source>
        <translation>CPL Interpretation Art. 358(5): obligation {n} is not clear enough (manner or deadline missing); a court would dismiss the application.</translation>
    </message>
    <message>
        <source>Obligation {n}: every instalment needs an amount in fen and a deadline.</source>
        <translation>Obligation {n}: every instalment needs an amount in fen and a deadline.</translation>
    </message>
    <message>
        <source>Obligation {n}: the instalments add up to {total} fen, not the {amount} fen owed.</source>
        <translation>Obligation {n}: the instalments add up to {total} fen, not the {amount} fen owed.</translation>
    </message>
    <message>
        <source>A {type} statement has no field {fields}: nothing else goes on the chain.</source>
        <translation>A {type} statement has no field {fields}: nothing else goes on the chain.</translation>
    </message>
    <message>
        <source>The members a statement adds are a list of verifier keys.</source>
        <translation>The members a statement adds are a list of verifier keys.</translation>
    </message>
    <message>
        <source>A statement of performance names the agreement and the obligation (PML Art. 31).</source>
        <translation>A statement of performance names the agreement and the obligation (PML Art. 31).</translation>
    </message>
    <message>
        <source>The agreement&apos;s text is not in the form its items take: the parties by identifier, each item as text, each obligation with its amount in fen and its deadline (PML Art. 29).</source>
        <translation>The agreement&apos;s text is not in the form its items take: the parties by identifier, each item as text, each obligation with its amount in fen and its deadline (PML Art. 29).</translation>
    </message>
    <message>
        <source>A proposal names the agreement, its version and its text.</source>
        <translation>A proposal names the agreement, its version and its text.</translation>
    </message>
    <message>
        <source>A signature names the agreement, the version signed and its content hash.</source>
        <translation>A signature names the agreement, the version signed and its content hash.</translation>
    </message>
    <message>
        <source>An application for judicial confirmation names the agreement and the court (PML Art. 33; CPL Art. 205).</source>
        <translation>An application for judicial confirmation names the agreement and the court (PML Art. 33; CPL Art. 205).</translation>
    </message>
    <message>
        <source>A filing names the agreement, the obligation, the instalment missed and who files it (SPC Opinions item 14).</source>
        <translation>A filing names the agreement, the obligation, the instalment missed and who files it (SPC Opinions item 14).</translation>
    </message>
    <message>
        <source>Consent to automatic filing is given or not, yes or no; nothing else is read as consent (SPC Opinions item 14).</source>
        <translation>Consent to automatic filing is given or not, yes or no; nothing else is read as consent (SPC Opinions item 14).</translation>
    </message>
    <message>
        <source>Each party signs with a key of their own, not another party&apos;s or the mediator&apos;s (Electronic Signature Law Art. 13: signature creation data exclusively the signer&apos;s).</source>
        <translation>Each party signs with a key of their own, not another party&apos;s or the mediator&apos;s (Electronic Signature Law Art. 13: signature creation data exclusively the signer&apos;s).</translation>
    </message>
    <message>
        <source>A party must be described as an object.</source>
        <translation>A party must be described as an object.</translation>
    </message>
    <message>
        <source>A party needs an identifier.</source>
        <translation>A party needs an identifier.</translation>
    </message>
    <message>
        <source>A party&apos;s role is applicant, respondent or third party, and it is a person or an organisation (online mediation rules Art. 8).</source>
        <translation>A party&apos;s role is applicant, respondent or third party, and it is a person or an organisation (online mediation rules Art. 8).</translation>
    </message>
    <message>
        <source>A party needs a name (PML Art. 29(1)).</source>
        <translation>A party needs a name (PML Art. 29(1)).</translation>
    </message>
    <message>
        <source>The identity document type is resident ID, passport or credit code.</source>
        <translation>The identity document type is resident ID, passport or credit code.</translation>
    </message>
    <message>
        <source>An identity hash is 64 lowercase hex digits.</source>
        <translation>An identity hash is 64 lowercase hex digits.</translation>
    </message>
    <message>
        <source>A party carries only id, role, kind, name, key, id_type, id_hash and agent: other personal data stays off the chain.</source>
        <translation>A party carries only id, role, kind, name, key, id_type, id_hash and agent: other personal data stays off the chain.</translation>
    </message>
    <message>
        <source>The agreement has no such obligation.</source>
        <translation>The agreement has no such obligation.</translation>
    </message>
    <message>
        <source>Only the obligee disputes the obligor&apos;s report of performance. Either party may take a dispute over performance or over the agreement to court (PML Art. 32).</source>
        <translation>Only the obligee disputes the obligor&apos;s report of performance. Either party may take a dispute over performance or over the agreement to court (PML Art. 32).</translation>
    </message>
    <message>
        <source>The case has not been opened: a mediator opens it first (PML Art. 17).</source>
        <translation>The case has not been opened: a mediator opens it first (PML Art. 17).</translation>
    </message>
    <message>
        <source>The case was closed on {time}; nothing more can be added (PML Art. 26).</source>
        <translation>The case was closed on {time}; nothing more can be added (PML Art. 26).</translation>
    </message>
    <message>
        <source>Only the case&apos;s mediator may do this (PML Art. 27: the mediator keeps the records).</source>
        <translation>Only the case&apos;s mediator may do this (PML Art. 27: the mediator keeps the records).</translation>
    </message>
    <message>
        <source>This case is already open.</source>
        <translation>This case is already open.</translation>
    </message>
    <message>
        <source>Two parties share one identifier.</source>
        <translation>Two parties share one identifier.</translation>
    </message>
    <message>
        <source>An automatic filing is made by the chain&apos;s contract rule alone, with the amounts the rule computes (SPC Opinions item 14).</source>
        <translation>An automatic filing is made by the chain&apos;s contract rule alone, with the amounts the rule computes (SPC Opinions item 14).</translation>
    </message>
    <message>
        <source>A disclosure states whether there is a conflict of interest and explains it (online mediation rules Art. 13).</source>
        <translation>A disclosure states whether there is a conflict of interest and explains it (online mediation rules Art. 13).</translation>
    </message>
    <message>
        <source>A case needs a case number.</source>
        <translation>A case needs a case number.</translation>
    </message>
    <message>
        <source>A session record needs a new session id.</source>
        <translation>A session record needs a new session id.</translation>
    </message>
    <message>
        <source>The session ends before it starts.</source>
        <translation>The session ends before it starts.</translation>
    </message>
    <message>
        <source>A session record lists who took part (PML Art. 27).</source>
        <translation>A session record lists who took part (PML Art. 27).</translation>
    </message>
    <message>
        <source>This agreement is already in effect and binding (PML Art. 31); it cannot be changed. Disputes over it go to court (PML Art. 32).</source>
        <translation>This agreement is already in effect and binding (PML Art. 31); it cannot be changed. Disputes over it go to court (PML Art. 32).</translation>
    </message>
    <message>
        <source>The next version of this agreement is {n}.</source>
        <translation>The next version of this agreement is {n}.</translation>
    </message>
    <message>
        <source>The agreement&apos;s content hash does not match its content.</source>
        <translation>The agreement&apos;s content hash does not match its content.</translation>
    </message>
    <message>
        <source>The agreement is incomplete: {items}</source>
        <translation>The agreement is incomplete: {items}</translation>
    </message>
    <message>
        <source>{names} cannot sign yet: each party signs with their own key (online mediation rules Art. 19). Add their key to the case first.</source>
        <translation>{names} cannot sign yet: each party signs with their own key (online mediation rules Art. 19). Add their key to the case first.</translation>
    </message>
    <message>
        <source>A case whose agreement is in effect is not closed as failed (PML Art. 26 is for mediation that did not succeed): the agreement binds the parties and its performance continues (PML Art. 31).</source>
        <translation>A case whose agreement is in effect is not closed as failed (PML Art. 26 is for mediation that did not succeed): the agreement binds the parties and its performance continues (PML Art. 31).</translation>
    </message>
    <message>
        <source>Closing a case states why, and the parties are told of their other remedies (PML Art. 26).</source>
        <translation>Closing a case states why, and the parties are told of their other remedies (PML Art. 26).</translation>
    </message>
    <message>
        <source>There is no such session record.</source>
        <translation>There is no such session record.</translation>
    </message>
    <message>
        <source>A mediation case needs at least two parties: mediation helps the parties reach an agreement among themselves (PML Art. 2).</source>
        <translation>A mediation case needs at least two parties: mediation helps the parties reach an agreement among themselves (PML Art. 2).</translation>
    </message>
    <message>
        <source>A party&apos;s key cannot be replaced in a case once given. A party who knows their key may be compromised stops using it and tells the parties concerned at once (Electronic Signature Law Art. 15).</source>
        <translation>A party&apos;s key cannot be replaced in a case once given. A party who knows their key may be compromised stops using it and tells the parties concerned at once (Electronic Signature Law Art. 15).</translation>
    </message>
    <message>
        <source>Only a party acknowledges a session record, with their own key.</source>
        <translation>Only a party acknowledges a session record, with their own key.</translation>
    </message>
    <message>
        <source>There is no such agreement to sign.</source>
        <translation>There is no such agreement to sign.</translation>
    </message>
    <message>
        <source>Version {v} is no longer the one proposed: the agreement changed, so earlier signatures no longer count. Sign version {latest} (online mediation rules Art. 19).</source>
        <translation>Version {v} is no longer the one proposed: the agreement changed, so earlier signatures no longer count. Sign version {latest} (online mediation rules Art. 19).</translation>
    </message>
    <message>
        <source>Only the parties named in the agreement and the mediator sign it (PML Art. 29).</source>
        <translation>Only the parties named in the agreement and the mediator sign it (PML Art. 29).</translation>
    </message>
    <message>
        <source>You have already signed this version.</source>
        <translation>You have already signed this version.</translation>
    </message>
    <message>
        <source>The agreement is not in effect yet: every party and the mediator must sign it first (online mediation rules Art. 19).</source>
        <translation>The agreement is not in effect yet: every party and the mediator must sign it first (online mediation rules Art. 19).</translation>
    </message>
    <message>
        <source>Only the obligee confirms that an obligation was performed (PML Art. 31: the committee supervises performance).</source>
        <translation>Only the obligee confirms that an obligation was performed (PML Art. 31: the committee supervises performance).</translation>
    </message>
    <message>
        <source>A confirmed amount is a positive number of fen.</source>
        <translation>A confirmed amount is a positive number of fen.</translation>
    </message>
    <message>
        <source>A reported amount is a whole number of fen.</source>
        <translation>A reported amount is a whole number of fen.</translation>
    </message>
    <message>
        <source>Only the obligor reports their own performance.</source>
        <translation>Only the obligor reports their own performance.</translation>
    </message>
    <message>
        <source>Judicial confirmation is applied for by the parties jointly (PML Art. 33; CPL Art. 205).</source>
        <translation>Judicial confirmation is applied for by the parties jointly (PML Art. 33; CPL Art. 205).</translation>
    </message>
    <message>
        <source>Only the court rules on judicial confirmation (CPL Art. 206); a party or the mediator cannot.</source>
        <translation>Only the court rules on judicial confirmation (CPL Art. 206); a party or the mediator cannot.</translation>
    </message>
    <message>
        <source>A ruling names the court, the agreement version in effect and whether it is valid (CPL Art. 206).</source>
        <translation>A ruling names the court, the agreement version in effect and whether it is valid (CPL Art. 206).</translation>
    </message>
    <message>
        <source>Enforcement for this instalment was already requested on {time}.</source>
        <translation>Enforcement for this instalment was already requested on {time}.</translation>
    </message>
    <message>
        <source>There is no missed deadline for this obligation at {time}: enforcement can be requested only after non-performance (SPC Opinions item 14).</source>
        <translation>There is no missed deadline for this obligation at {time}: enforcement can be requested only after non-performance (SPC Opinions item 14).</translation>
    </message>
    <message>
        <source>Only the obligee applies for enforcement, unless every party consented in the agreement to automatic filing (SPC Opinions item 14).</source>
        <translation>Only the obligee applies for enforcement, unless every party consented in the agreement to automatic filing (SPC Opinions item 14).</translation>
    </message>
    <message>
        <source>Opening a case needs the dispute type, a summary, the mediation organisation and the mediator&apos;s name (online mediation rules Art. 8).</source>
        <translation>Opening a case needs the dispute type, a summary, the mediation organisation and the mediator&apos;s name (online mediation rules Art. 8).</translation>
    </message>
    <message>
        <source>A session record needs its start and end time (PML Art. 27).</source>
        <translation>A session record needs its start and end time (PML Art. 27).</translation>
    </message>
    <message>
        <source>Each recorded statement names a party of the case and whether it is a concession (online mediation rules Art. 18).</source>
        <translation>Each recorded statement names a party of the case and whether it is a concession (online mediation rules Art. 18).</translation>
    </message>
</context>
<context>
    <name>MediationWords</name>
    <message>
        <source>In mediation</source>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>Filed with the court</source>
        <translation>Filed with the court</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>Resident identity card</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Party added</source>
        <translation>Party added</translation>
    </message>
    <message>
        <source>Conflict-of-interest disclosure</source>
        <translation>Conflict-of-interest disclosure</translation>
    </message>
    <message>
        <source>Session recorded</source>
        <translation>Session recorded</translation>
    </message>
    <message>
        <source>Session record acknowledged</source>
        <translation>Session record acknowledged</translation>
    </message>
    <message>
        <source>Agreement proposed</source>
        <translation>Agreement proposed</translation>
    </message>
    <message>
        <source>Agreement signed</source>
        <translation>Agreement signed</translation>
    </message>
    <message>
        <source>Performance reported</source>
        <translation>Performance reported</translation>
    </message>
    <message>
        <source>Payment confirmed</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>Performance disputed</source>
        <translation>Performance disputed</translation>
    </message>
    <message>
        <source>Judicial confirmation applied for</source>
        <translation>Judicial confirmation applied for</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <source>Document registered</source>
        <translation>Document registered</translation>
    </message>
    <message>
        <source>Evidence deposited</source>
        <translation>Evidence deposited</translation>
    </message>
    <message>
        <source>Confirming a marriage, parent-child or adoption relation as valid, invalid or dissolved</source>
        <translation>Confirming a marriage, parent-child or adoption relation as valid, invalid or dissolved</translation>
    </message>
    <message>
        <source>A special, public-notice or bankruptcy procedure</source>
        <translation>A special, public-notice or bankruptcy procedure</translation>
    </message>
    <message>
        <source>Confirming ownership of property</source>
        <translation>Confirming ownership of property</translation>
    </message>
    <message>
        <source>Confirming ownership of intellectual property</source>
        <translation>Confirming ownership of intellectual property</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>Chain node</translation>
    </message>
    <message>
        <source>Contract rule</source>
        <translation>Contract rule</translation>
    </message>
</context>
<context>
    <name>ModulePlaceholderPage</name>
    <message>
        <source>Case ids of this module found in the local log:</source>
        <translation>Case ids of this module found in the local log:</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>{case}: {count} entries, latest signed {when}</source>
        <translation>{case}: {count} entries, latest signed {when}</translation>
    </message>
    <message>
        <source>(public)</source>
        <translation>(public)</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>yuan</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>e.g. 60,000.00</source>
        <translation>e.g. 60,000.00</translation>
    </message>
    <message>
        <source>Write the amount in yuan with digits, e.g. 60,000.50.</source>
        <translation>Write the amount in yuan with digits, e.g. 60,000.50.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>An amount cannot be negative.</translation>
    </message>
    <message>
        <source>At most two decimals: the fen is the smallest unit.</source>
        <translation>At most two decimals: the fen is the smallest unit.</translation>
    </message>
    <message>
        <source>Thousands separators go every three digits: 60,000.50.</source>
        <translation>Thousands separators go every three digits: 60,000.50.</translation>
    </message>
    <message>
        <source>This amount is too large.</source>
        <translation>This amount is too large.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>Read as {amount} yuan.</source>
        <translation>Read as {amount} yuan.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New mediation case</source>
        <translation>New mediation case</translation>
    </message>
    <message>
        <source>Private lending dispute</source>
        <translation>Private lending dispute</translation>
    </message>
    <message>
        <source>Neighbourhood dispute</source>
        <translation>Neighbourhood dispute</translation>
    </message>
    <message>
        <source>Property management dispute</source>
        <translation>Property management dispute</translation>
    </message>
    <message>
        <source>Labour remuneration dispute</source>
        <translation>Labour remuneration dispute</translation>
    </message>
    <message>
        <source>Consumer dispute</source>
        <translation>Consumer dispute</translation>
    </message>
    <message>
        <source>Traffic accident compensation dispute</source>
        <translation>Traffic accident compensation dispute</translation>
    </message>
    <message>
        <source>Sales contract dispute</source>
        <translation>Sales contract dispute</translation>
    </message>
    <message>
        <source>Choose or type the dispute type</source>
        <translation>Choose or type the dispute type</translation>
    </message>
    <message>
        <source>What the dispute is about, in a few sentences</source>
        <translation>What the dispute is about, in a few sentences</translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation>Dispute type:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Mediation organisation:</source>
        <translation>Mediation organisation:</translation>
    </message>
    <message>
        <source>Mediator:</source>
        <translation>Mediator:</translation>
    </message>
    <message>
        <source>Parties (at least two):</source>
        <translation>Parties (at least two):</translation>
    </message>
    <message>
        <source>Add party…</source>
        <translation>Add party…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Sign and open the case</source>
        <translation>Sign and open the case</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NodePage</name>
    <message>
        <source>Chain node</source>
        <translation>Chain node</translation>
    </message>
    <message>
        <source>Where your signed statements are recorded</source>
        <translation>Where your signed statements are recorded</translation>
    </message>
    <message>
        <source>A court runs a judicial chain node for its cases and tells you its address. Until then, the embedded node keeps your records on this computer.</source>
        <translation>A court runs a judicial chain node for its cases and tells you its address. Until then, the embedded node keeps your records on this computer.</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Object to claim {claim}</source>
        <translation>Object to claim {claim}</translation>
    </message>
    <message>
        <source>Object to the row of claim {claim} in claim table version {table}, with your reasons and their legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8). The administrator answers; if the answer does not satisfy you, you may sue.</source>
        <translation>Object to the row of claim {claim} in claim table version {table}, with your reasons and their legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8). The administrator answers; if the answer does not satisfy you, you may sue.</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>Reasons:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Legal basis:</translation>
    </message>
</context>
<context>
    <name>ObligationDialog</name>
    <message>
        <source>Obligation {id}</source>
        <translation>Obligation {id}</translation>
    </message>
    <message>
        <source>Obligor (who performs):</source>
        <translation>Obligor (who performs):</translation>
    </message>
    <message>
        <source>Obligee (who receives):</source>
        <translation>Obligee (who receives):</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Manner of performance:</source>
        <translation>Manner of performance:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Grace period (days):</source>
        <translation>Grace period (days):</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Return of goods</source>
        <translation>Return of goods</translation>
    </message>
    <message>
        <source>Days after the deadline before non-performance counts as a default (written into the agreement).</source>
        <translation>Days after the deadline before non-performance counts as a default (written into the agreement).</translation>
    </message>
    <message>
        <source>Paid in instalments</source>
        <translation>Paid in instalments</translation>
    </message>
    <message>
        <source>Add instalment</source>
        <translation>Add instalment</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The obligor and the obligee must be different parties.</source>
        <translation>The obligor and the obligee must be different parties.</translation>
    </message>
    <message>
        <source>Write the amount in yuan (0 for a non-monetary obligation).</source>
        <translation>Write the amount in yuan (0 for a non-monetary obligation).</translation>
    </message>
    <message>
        <source>State the manner of performance.</source>
        <translation>State the manner of performance.</translation>
    </message>
    <message>
        <source>Add the instalments, or untick “Paid in instalments”.</source>
        <translation>Add the instalments, or untick “Paid in instalments”.</translation>
    </message>
    <message>
        <source>The instalments add up to {total} yuan, not {amount} yuan.</source>
        <translation>The instalments add up to {total} yuan, not {amount} yuan.</translation>
    </message>
    <message>
        <source>Instalments so far: {total} yuan</source>
        <translation>Instalments so far: {total} yuan</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Obligor</source>
        <translation>Obligor</translation>
    </message>
    <message>
        <source>Obligee</source>
        <translation>Obligee</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Manner</source>
        <translation>Manner</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Grace days</source>
        <translation>Grace days</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>{amount} by {deadline}</source>
        <translation>{amount} by {deadline}</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Local #</source>
        <translation>Local #</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>Chain index</source>
        <translation>Chain index</translation>
    </message>
    <message>
        <source>On-chain time</source>
        <translation>On-chain time</translation>
    </message>
    <message>
        <source>Reason (rejected)</source>
        <translation>Reason (rejected)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Signed on this computer; not yet accepted by the node.</source>
        <translation>Signed on this computer; not yet accepted by the node.</translation>
    </message>
    <message>
        <source>The node sequenced it at index {index}; waiting for a verified receipt.</source>
        <translation>The node sequenced it at index {index}; waiting for a verified receipt.</translation>
    </message>
    <message>
        <source>Its receipt verified: the log includes it at index {index}.</source>
        <translation>Its receipt verified: the log includes it at index {index}.</translation>
    </message>
    <message>
        <source>The node refused it: {reason}. It stays in the local log as a signed record.</source>
        <translation>The node refused it: {reason}. It stays in the local log as a signed record.</translation>
    </message>
    <message>
        <source>(public)</source>
        <translation>(public)</translation>
    </message>
</context>
<context>
    <name>PartiesInputModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <source>Contact (this computer only)</source>
        <translation>Contact (this computer only)</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>no key yet</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>{kind} (salted hash on the chain)</source>
        <translation>{kind} (salted hash on the chain)</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>Add party…</source>
        <translation>Add party…</translation>
    </message>
    <message>
        <source>Complete party details…</source>
        <translation>Complete party details…</translation>
    </message>
    <message>
        <source>Give a party their signing key, or add details; a key once given stays.</source>
        <translation>Give a party their signing key, or add details; a key once given stays.</translation>
    </message>
    <message>
        <source>Conflict-of-interest disclosure (Art. 13)</source>
        <translation>Conflict-of-interest disclosure (Art. 13)</translation>
    </message>
    <message>
        <source>Online mediation rules Art. 13: the mediator tells the parties of any relationship with a party or interest in the outcome that could affect impartiality, so they can accept or refuse the mediator.</source>
        <translation>Online mediation rules Art. 13: the mediator tells the parties of any relationship with a party or interest in the outcome that could affect impartiality, so they can accept or refuse the mediator.</translation>
    </message>
    <message>
        <source>I have no conflict of interest</source>
        <translation>I have no conflict of interest</translation>
    </message>
    <message>
        <source>I have a conflict of interest:</source>
        <translation>I have a conflict of interest:</translation>
    </message>
    <message>
        <source>Explain (e.g. “I know the applicant from our former workplace”).</source>
        <translation>Explain (e.g. “I know the applicant from our former workplace”).</translation>
    </message>
    <message>
        <source>Sign the disclosure</source>
        <translation>Sign the disclosure</translation>
    </message>
    <message>
        <source>I have no relationship with any party and no interest in the outcome.</source>
        <translation>I have no relationship with any party and no interest in the outcome.</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Party</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Person or organisation:</source>
        <translation>Person or organisation:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Identity document:</source>
        <translation>Identity document:</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Agent (optional):</source>
        <translation>Agent (optional):</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>Add party</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PartyKeyDialog</name>
    <message>
        <source>A party signs at this desk</source>
        <translation>A party signs at this desk</translation>
    </message>
    <message>
        <source>Hand the keyboard to the party. They choose their own key file and type their own passphrase; whoever runs this desk never learns it. The key is used for this one signature and then forgotten. Who may sign now: {names}.</source>
        <translation>Hand the keyboard to the party. They choose their own key file and type their own passphrase; whoever runs this desk never learns it. The key is used for this one signature and then forgotten. Who may sign now: {names}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Key file:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose your key file</source>
        <translation>Choose your key file</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>Key files (*.key);;All files (*)</translation>
    </message>
    <message>
        <source>This key is not one of the keys that may sign here: {names}.</source>
        <translation>This key is not one of the keys that may sign here: {names}.</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <source>Confirm a payment</source>
        <translation>Confirm a payment</translation>
    </message>
    <message>
        <source>Report performance</source>
        <translation>Report performance</translation>
    </message>
    <message>
        <source>Dispute a reported performance</source>
        <translation>Dispute a reported performance</translation>
    </message>
    <message>
        <source>As the obligee, confirm what you received for obligation {id}. A confirmed payment counts toward the earliest instalment first.</source>
        <translation>As the obligee, confirm what you received for obligation {id}. A confirmed payment counts toward the earliest instalment first.</translation>
    </message>
    <message>
        <source>As the obligor, report what you performed for obligation {id}, with evidence (a bank slip, a receipt). The obligee confirms or disputes it.</source>
        <translation>As the obligor, report what you performed for obligation {id}, with evidence (a bank slip, a receipt). The obligee confirms or disputes it.</translation>
    </message>
    <message>
        <source>As the obligee, say why the reported performance of obligation {id} is not right. Either party may take a dispute over performance to court (PML Art. 32).</source>
        <translation>As the obligee, say why the reported performance of obligation {id} is not right. Either party may take a dispute over performance to court (PML Art. 32).</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Note (optional):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PerformanceTab</name>
    <message>
        <source>Confirm a payment…</source>
        <translation>Confirm a payment…</translation>
    </message>
    <message>
        <source>Report performance…</source>
        <translation>Report performance…</translation>
    </message>
    <message>
        <source>Dispute a report…</source>
        <translation>Dispute a report…</translation>
    </message>
    <message>
        <source>Apply for enforcement</source>
        <translation>Apply for enforcement</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>Enforcement</translation>
    </message>
    <message>
        <source>Performance record</source>
        <translation>Performance record</translation>
    </message>
    <message>
        <source>Performance is followed once the agreement is in effect.</source>
        <translation>Performance is followed once the agreement is in effect.</translation>
    </message>
    <message>
        <source>Statuses as of {now}. The parties consented to automatic filing: when a deadline and its grace period pass unperformed, the chain&apos;s contract rule {rule} files with the court, for enforcement once a court has confirmed the agreement, otherwise for trial.</source>
        <translation>Statuses as of {now}. The parties consented to automatic filing: when a deadline and its grace period pass unperformed, the chain&apos;s contract rule {rule} files with the court, for enforcement once a court has confirmed the agreement, otherwise for trial.</translation>
    </message>
    <message>
        <source>Statuses as of {now}. No consent to automatic filing: when a deadline and its grace period pass unperformed, the obligee applies for enforcement.</source>
        <translation>Statuses as of {now}. No consent to automatic filing: when a deadline and its grace period pass unperformed, the obligee applies for enforcement.</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed automatically for trial by the chain&apos;s contract rule {rule} on {time}, as no court confirmed the agreement (People&apos;s Mediation Law Art. 32) — {status}</source>
        <translation>{obligation}, instalment {seq}: filed automatically for trial by the chain&apos;s contract rule {rule} on {time}, as no court confirmed the agreement (People&apos;s Mediation Law Art. 32) — {status}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed automatically by the chain&apos;s contract rule {rule} on {time} — {status}</source>
        <translation>{obligation}, instalment {seq}: filed automatically by the chain&apos;s contract rule {rule} on {time} — {status}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: the obligee applied on {time} — {status}</source>
        <translation>{obligation}, instalment {seq}: the obligee applied on {time} — {status}</translation>
    </message>
    <message>
        <source>No enforcement requested.</source>
        <translation>No enforcement requested.</translation>
    </message>
</context>
<context>
    <name>PrivacyNote</name>
    <message>
        <source>ID numbers, addresses and phone numbers stay on this computer, in the case file. Only a salted hash of the ID number goes on the chain, so a court holding the number can check it, and nobody can read it from the chain.</source>
        <translation>ID numbers, addresses and phone numbers stay on this computer, in the case file. Only a salted hash of the ID number goes on the chain, so a court holding the number can check it, and nobody can read it from the chain.</translation>
    </message>
</context>
<context>
    <name>ProfileBackup</name>
    <message>
        <source>Back up the profile to</source>
        <translation>Back up the profile to</translation>
    </message>
    <message>
        <source>Judicial Chain Desk backups (*{suffix})</source>
        <translation>Judicial Chain Desk backups (*{suffix})</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Name of the new profile to restore into:</source>
        <translation>Name of the new profile to restore into:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Type the passphrase of this profile&apos;s key: the backup is encrypted with it.</source>
        <translation>Type the passphrase of this profile&apos;s key: the backup is encrypted with it.</translation>
    </message>
    <message>
        <source>Type the passphrase the profile had when it was backed up.</source>
        <translation>Type the passphrase the profile had when it was backed up.</translation>
    </message>
    <message>
        <source>A profile name uses letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos; (at most 64 characters).</source>
        <translation>A profile name uses letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos; (at most 64 characters).</translation>
    </message>
    <message>
        <source>The profile {profile} was backed up to {path} ({entries} log entries). The file is encrypted with the profile&apos;s passphrase; keep it away from this computer.</source>
        <translation>The profile {profile} was backed up to {path} ({entries} log entries). The file is encrypted with the profile&apos;s passphrase; keep it away from this computer.</translation>
    </message>
    <message>
        <source>The backup of {created} was restored as the profile {profile}. Open it (main.py --profile {profile}) and let it sync: what the chain received since the backup comes back. Private details of parties added after the backup are not in it.</source>
        <translation>The backup of {created} was restored as the profile {profile}. Open it (main.py --profile {profile}) and let it sync: what the chain received since the backup comes back. Private details of parties added after the backup are not in it.</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Backup and restore</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Enter your name as it should appear on signed records.</source>
        <translation>Enter your name as it should appear on signed records.</translation>
    </message>
    <message>
        <source>Choose a name for the profile folder.</source>
        <translation>Choose a name for the profile folder.</translation>
    </message>
    <message>
        <source>A profile name may contain letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; (at most 64), and may not begin or end with &apos;.&apos;.</source>
        <translation>A profile name may contain letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; (at most 64), and may not begin or end with &apos;.&apos;.</translation>
    </message>
    <message>
        <source>{name} is a reserved name on Windows; choose another.</source>
        <translation>{name} is a reserved name on Windows; choose another.</translation>
    </message>
    <message>
        <source>A profile named {name} already exists on this computer; choose another name.</source>
        <translation>A profile named {name} already exists on this computer; choose another name.</translation>
    </message>
    <message>
        <source>Who you are</source>
        <translation>Who you are</translation>
    </message>
    <message>
        <source>Your name and role are sent with your key when the node enrols it.</source>
        <translation>Your name and role are sent with your key when the node enrols it.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>e.g. Wang Fang</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>The court&apos;s operator approves the role. A key signs only its holder&apos;s own statements: a party signs with their own key, never at the mediator&apos;s.</source>
        <translation>The court&apos;s operator approves the role. A key signs only its holder&apos;s own statements: a party signs with their own key, never at the mediator&apos;s.</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profile name:</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>Saved in {folder}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish the claim table</source>
        <translation>Publish the claim table</translation>
    </message>
    <message>
        <source>Publish version {n} of the claim table: {claims} reviewed claims, each from its latest review (Enterprise Bankruptcy Law Art. 57). Every member&apos;s desk recomputes it from the chain; the node refuses a table that differs.</source>
        <translation>Publish version {n} of the claim table: {claims} reviewed claims, each from its latest review (Enterprise Bankruptcy Law Art. 57). Every member&apos;s desk recomputes it from the chain; the node refuses a table that differs.</translation>
    </message>
    <message>
        <source>{group}: {claims} claims, declared {declared}, confirmed {confirmed} yuan</source>
        <translation>{group}: {claims} claims, declared {declared}, confirmed {confirmed} yuan</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>payment of {amount} yuan confirmed</source>
        <translation>payment of {amount} yuan confirmed</translation>
    </message>
    <message>
        <source>performance of {amount} yuan reported</source>
        <translation>performance of {amount} yuan reported</translation>
    </message>
    <message>
        <source>reported performance disputed</source>
        <translation>reported performance disputed</translation>
    </message>
    <message>
        <source>trial filing made automatically by the chain&apos;s contract rule {rule} (the agreement was not judicially confirmed)</source>
        <translation>trial filing made automatically by the chain&apos;s contract rule {rule} (the agreement was not judicially confirmed)</translation>
    </message>
    <message>
        <source>enforcement filed automatically by the chain&apos;s contract rule {rule}</source>
        <translation>enforcement filed automatically by the chain&apos;s contract rule {rule}</translation>
    </message>
    <message>
        <source>enforcement applied for by the obligee</source>
        <translation>enforcement applied for by the obligee</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}</source>
        <translation>{obligation}, instalment {seq}</translation>
    </message>
    <message>
        <source>: {paid} of {due} yuan confirmed by {deadline}</source>
        <translation>: {paid} of {due} yuan confirmed by {deadline}</translation>
    </message>
    <message>
        <source>: {reason}</source>
        <translation>: {reason}</translation>
    </message>
    <message>
        <source>: {note}</source>
        <translation>: {note}</translation>
    </message>
    <message>
        <source> — evidence: {files}</source>
        <translation> — evidence: {files}</translation>
    </message>
</context>
<context>
    <name>RegisteredExport</name>
    <message>
        <source>The PDF could not be saved: {detail}</source>
        <translation>The PDF could not be saved: {detail}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review claim {claim}</source>
        <translation>Review claim {claim}</translation>
    </message>
    <message>
        <source>Review version {n} of claim {claim}, as declared. Confirm, adjust or reject each amount; an adjusted or rejected amount needs its reason (Interpretation III Art. 6). A review never confirms more than was declared (Enterprise Bankruptcy Law Art. 57). This is review {review} of the claim.</source>
        <translation>Review version {n} of claim {claim}, as declared. Confirm, adjust or reject each amount; an adjusted or rejected amount needs its reason (Interpretation III Art. 6). A review never confirms more than was declared (Enterprise Bankruptcy Law Art. 57). This is review {review} of the claim.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Declared (yuan)</source>
        <translation>Declared (yuan)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>Confirmed (yuan)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Nature found:</source>
        <translation>Nature found:</translation>
    </message>
    <message>
        <source>{nature} (group: {group})</source>
        <translation>{nature} (group: {group})</translation>
    </message>
    <message>
        <source>Confirmed {confirmed} of {declared} yuan declared.</source>
        <translation>Confirmed {confirmed} of {declared} yuan declared.</translation>
    </message>
</context>
<context>
    <name>ReviewsModel</name>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Answers version</source>
        <translation>Answers version</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>Confirmed (yuan)</translation>
    </message>
    <message>
        <source>Nature found</source>
        <translation>Nature found</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>{item} {amount}</source>
        <translation>{item} {amount}</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Bankruptcy administrator</source>
        <translation>Bankruptcy administrator</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Observer</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Record a mediation session</source>
        <translation>Record a mediation session</translation>
    </message>
    <message>
        <source>Took part:</source>
        <translation>Took part:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Started:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Ended:</translation>
    </message>
    <message>
        <source>Mediator&apos;s notes:</source>
        <translation>Mediator&apos;s notes:</translation>
    </message>
    <message>
        <source>What each party said</source>
        <translation>What each party said</translation>
    </message>
    <message>
        <source>The party&apos;s statement, as said</source>
        <translation>The party&apos;s statement, as said</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>Concession</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Concession (Art. 18: left out of documents for the court): a statement a party made only to reach agreement, which cannot be used against them later.</source>
        <translation>Concession (Art. 18: left out of documents for the court): a statement a party made only to reach agreement, which cannot be used against them later.</translation>
    </message>
    <message>
        <source>Evidence presented (attached by SHA-256)</source>
        <translation>Evidence presented (attached by SHA-256)</translation>
    </message>
    <message>
        <source>Sign the session record</source>
        <translation>Sign the session record</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Took part</source>
        <translation>Took part</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>Record a session…</source>
        <translation>Record a session…</translation>
    </message>
    <message>
        <source>Acknowledge this record</source>
        <translation>Acknowledge this record</translation>
    </message>
    <message>
        <source>A party acknowledges at this desk…</source>
        <translation>A party acknowledges at this desk…</translation>
    </message>
    <message>
        <source>No session yet.</source>
        <translation>No session yet.</translation>
    </message>
    <message>
        <source>Session {id}: {start} to {end}</source>
        <translation>Session {id}: {start} to {end}</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>concession — Art. 18: left out of documents for the court</source>
        <translation>concession — Art. 18: left out of documents for the court</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>Signed by the mediator; chain status: {status}</source>
        <translation>Signed by the mediator; chain status: {status}</translation>
    </message>
    <message>
        <source>{name} acknowledged {time} — {status}</source>
        <translation>{name} acknowledged {time} — {status}</translation>
    </message>
    <message>
        <source>Not yet acknowledged by: {names}</source>
        <translation>Not yet acknowledged by: {names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Acknowledge the record of session {id} of case {case}.</source>
        <translation>Acknowledge the record of session {id} of case {case}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Language of the application:</source>
        <translation>Language of the application:</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>Your key</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Key id:</translation>
    </message>
    <message>
        <source>Verifier key:</source>
        <translation>Verifier key:</translation>
    </message>
    <message>
        <source>Your public key. Others use it to check your signatures; it is not secret.</source>
        <translation>Your public key. Others use it to check your signatures; it is not secret.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Revoke or replace my key…</source>
        <translation>Revoke or replace my key…</translation>
    </message>
    <message>
        <source>If your key may be in someone else&apos;s hands, stop using it and tell the parties (Electronic Signature Law Art. 15).</source>
        <translation>If your key may be in someone else&apos;s hands, stop using it and tell the parties (Electronic Signature Law Art. 15).</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>Chain node</translation>
    </message>
    <message>
        <source>A new chain node takes effect at the next start of the application.</source>
        <translation>A new chain node takes effect at the next start of the application.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignaturesModel</name>
    <message>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>As</source>
        <translation>As</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>not yet signed</source>
        <translation>not yet signed</translation>
    </message>
    <message>
        <source>signed {time}</source>
        <translation>signed {time}</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SpokenModel</name>
    <message>
        <source>Party</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Concession (Art. 18)</source>
        <translation>Concession (Art. 18)</translation>
    </message>
    <message>
        <source>concession</source>
        <translation>concession</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>{what}: version {version}</source>
        <translation>{what}: version {version}</translation>
    </message>
    <message>
        <source>{what}: {session}</source>
        <translation>{what}: {session}</translation>
    </message>
    <message>
        <source>{what}: filed automatically by the chain&apos;s contract rule {rule}</source>
        <translation>{what}: filed automatically by the chain&apos;s contract rule {rule}</translation>
    </message>
    <message>
        <source>{what}: the obligee&apos;s application</source>
        <translation>{what}: the obligee&apos;s application</translation>
    </message>
    <message>
        <source>{what}: {amount} yuan</source>
        <translation>{what}: {amount} yuan</translation>
    </message>
    <message>
        <source>{what}: {name}</source>
        <translation>{what}: {name}</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Times are this computer&apos;s local time. Chain status: pending — signed on this computer, not yet accepted by the node; submitted — the node gave it a place in the log; confirmed — its receipt verified here, with the on-chain time. An entry the node refused counts nowhere and is not listed here: the Chain page shows it, with the node&apos;s reason.</source>
        <translation>Times are this computer&apos;s local time. Chain status: pending — signed on this computer, not yet accepted by the node; submitted — the node gave it a place in the log; confirmed — its receipt verified here, with the on-chain time. An entry the node refused counts nowhere and is not listed here: the Chain page shows it, with the node&apos;s reason.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock your key</source>
        <translation>Unlock your key</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}&apos;s key to open the profile.</source>
        <translation>Type the passphrase of {name}&apos;s key to open the profile.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>{profile} ({role})</source>
        <translation>{profile} ({role})</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Key id:</translation>
    </message>
    <message>
        <source>(the key file cannot be read)</source>
        <translation>(the key file cannot be read)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Verify a file against the chain</source>
        <translation>Verify a file against the chain</translation>
    </message>
    <message>
        <source>Check any file: a PDF, any piece of evidence, a receipt (.tlog-proof) or a signed entry. Its SHA-256 is computed on this computer; the file itself is never sent anywhere.</source>
        <translation>Check any file: a PDF, any piece of evidence, a receipt (.tlog-proof) or a signed entry. Its SHA-256 is computed on this computer; the file itself is never sent anywhere.</translation>
    </message>
    <message>
        <source>Drop a file here, or choose one.</source>
        <translation>Drop a file here, or choose one.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Choose the signed entry file…</source>
        <translation>Choose the signed entry file…</translation>
    </message>
    <message>
        <source>Deposit as evidence (存证)</source>
        <translation>Deposit as evidence (存证)</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Note (optional):</translation>
    </message>
    <message>
        <source>What this file is, for the record</source>
        <translation>What this file is, for the record</translation>
    </message>
    <message>
        <source>Deposit this file as evidence (存证)</source>
        <translation>Deposit this file as evidence (存证)</translation>
    </message>
    <message>
        <source>The page tells you who signed what and when, and which facts this computer proved itself with the chain&apos;s pinned keys, and which rest on the chain node&apos;s word.</source>
        <translation>The page tells you who signed what and when, and which facts this computer proved itself with the chain&apos;s pinned keys, and which rest on the chain node&apos;s word.</translation>
    </message>
    <message>
        <source>To register a file (存证), choose it and press “Deposit this file as evidence”: you sign its SHA-256 with your key, and the chain returns a receipt with the on-chain time.</source>
        <translation>To register a file (存证), choose it and press “Deposit this file as evidence”: you sign its SHA-256 with your key, and the chain returns a receipt with the on-chain time.</translation>
    </message>
    <message>
        <source>Choose a file to verify</source>
        <translation>Choose a file to verify</translation>
    </message>
    <message>
        <source>Choose the signed entry the receipt proves</source>
        <translation>Choose the signed entry the receipt proves</translation>
    </message>
    <message>
        <source>Cancelled: the file was not checked.</source>
        <translation>Cancelled: the file was not checked.</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>The file could not be read: {error}</translation>
    </message>
    <message>
        <source>Checking with the chain node…</source>
        <translation>Checking with the chain node…</translation>
    </message>
    <message>
        <source>The check could not be completed: {error}</source>
        <translation>The check could not be completed: {error}</translation>
    </message>
    <message>
        <source>✔ This receipt is valid: the signed entry below is in the log.</source>
        <translation>✔ This receipt is valid: the signed entry below is in the log.</translation>
    </message>
    <message>
        <source>✔ This signed entry is on the chain.</source>
        <translation>✔ This signed entry is on the chain.</translation>
    </message>
    <message>
        <source>✔ This file is on the chain. This computer proved it with the chain&apos;s pinned keys.</source>
        <translation>✔ This file is on the chain. This computer proved it with the chain&apos;s pinned keys.</translation>
    </message>
    <message>
        <source>The chain node says this file is registered, but this computer cannot prove all of it by itself. Below: what is proven, and what rests on the node&apos;s word.</source>
        <translation>The chain node says this file is registered, but this computer cannot prove all of it by itself. Below: what is proven, and what rests on the node&apos;s word.</translation>
    </message>
    <message>
        <source>The receipt&apos;s checkpoint is authentic, but the signed entry it proves is not on this computer. Choose the entry file to finish the check.</source>
        <translation>The receipt&apos;s checkpoint is authentic, but the signed entry it proves is not on this computer. Choose the entry file to finish the check.</translation>
    </message>
    <message>
        <source>A deposit of this file was signed on this computer and is pending: the chain has not confirmed it yet, so it is not registered yet.</source>
        <translation>A deposit of this file was signed on this computer and is pending: the chain has not confirmed it yet, so it is not registered yet.</translation>
    </message>
    <message>
        <source>✘ This signed entry is not on the chain: it was never sent to it, or it was changed after it was signed.</source>
        <translation>✘ This signed entry is not on the chain: it was never sent to it, or it was changed after it was signed.</translation>
    </message>
    <message>
        <source>✘ This file&apos;s SHA-256 is not on the chain: no entry in the log lists it. Either it was never registered, or it was changed after registration (changing a single byte changes the SHA-256).</source>
        <translation>✘ This file&apos;s SHA-256 is not on the chain: no entry in the log lists it. Either it was never registered, or it was changed after registration (changing a single byte changes the SHA-256).</translation>
    </message>
    <message>
        <source>This computer has no record of this file, and the chain node could not be asked. This is not a final answer: try again when the node is reachable.</source>
        <translation>This computer has no record of this file, and the chain node could not be asked. This is not a final answer: try again when the node is reachable.</translation>
    </message>
    <message>
        <source>This file could not be checked yet (see below why).</source>
        <translation>This file could not be checked yet (see below why).</translation>
    </message>
    <message>
        <source>✘ Verification failed: do not rely on this file&apos;s registration.</source>
        <translation>✘ Verification failed: do not rely on this file&apos;s registration.</translation>
    </message>
    <message>
        <source>The chain node could not be asked ({error}). Receipts stored on this computer were still verified offline.</source>
        <translation>The chain node could not be asked ({error}). Receipts stored on this computer were still verified offline.</translation>
    </message>
    <message>
        <source>Checked on this computer alone; the node was not needed.</source>
        <translation>Checked on this computer alone; the node was not needed.</translation>
    </message>
    <message>
        <source>Signed entry chosen: {name}</source>
        <translation>Signed entry chosen: {name}</translation>
    </message>
    <message>
        <source>What was checked: the chain node was asked for this entry&apos;s leaf hash {hash} and has no such entry; this computer holds none either.</source>
        <translation>What was checked: the chain node was asked for this entry&apos;s leaf hash {hash} and has no such entry; this computer holds none either.</translation>
    </message>
    <message>
        <source>What was checked: the chain node was asked for this SHA-256 and answered that no entry lists it; this computer&apos;s own records do not list it either.</source>
        <translation>What was checked: the chain node was asked for this SHA-256 and answered that no entry lists it; this computer&apos;s own records do not list it either.</translation>
    </message>
    <message>
        <source>If this should be a registered file, compare it with the original: any change, even saving it again, gives a different SHA-256. If this is the original and you want it registered now, deposit it below.</source>
        <translation>If this should be a registered file, compare it with the original: any change, even saving it again, gives a different SHA-256. If this is the original and you want it registered now, deposit it below.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>Key revoked</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>{name}, {size}</source>
        <translation>{name}, {size}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>{time} (the signer&apos;s own clock)</source>
        <translation>{time} (the signer&apos;s own clock)</translation>
    </message>
    <message>
        <source>On-chain time</source>
        <translation>On-chain time</translation>
    </message>
    <message>
        <source>{time} at the latest (cosigned by {witnesses})</source>
        <translation>{time} at the latest (cosigned by {witnesses})</translation>
    </message>
    <message>
        <source>On-chain time (node)</source>
        <translation>On-chain time (node)</translation>
    </message>
    <message>
        <source>{time}, as the chain node reports it</source>
        <translation>{time}, as the chain node reports it</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>{origin}, checkpoint of {size} entries</source>
        <translation>{origin}, checkpoint of {size} entries</translation>
    </message>
    <message>
        <source>Leaf hash</source>
        <translation>Leaf hash</translation>
    </message>
    <message>
        <source>Proven on this computer:</source>
        <translation>Proven on this computer:</translation>
    </message>
    <message>
        <source>On the chain node&apos;s word only:</source>
        <translation>On the chain node&apos;s word only:</translation>
    </message>
    <message>
        <source>Signed on this computer, not on the chain yet</source>
        <translation>Signed on this computer, not on the chain yet</translation>
    </message>
    <message>
        <source>Entry #{index} of the log</source>
        <translation>Entry #{index} of the log</translation>
    </message>
    <message>
        <source>This computer does not hold this entry, so who signed it and that it lists this file rest on the node&apos;s word. Ask the depositor for the signed entry file (or its receipt and the entry) to prove it here.</source>
        <translation>This computer does not hold this entry, so who signed it and that it lists this file rest on the node&apos;s word. Ask the depositor for the signed entry file (or its receipt and the entry) to prove it here.</translation>
    </message>
    <message>
        <source>Signed — pending: the node accepted it; its receipt has not arrived yet.</source>
        <translation>Signed — pending: the node accepted it; its receipt has not arrived yet.</translation>
    </message>
    <message>
        <source>Signed — pending: waiting to be sent to the chain node.</source>
        <translation>Signed — pending: waiting to be sent to the chain node.</translation>
    </message>
    <message>
        <source>The chain node rejected it: {reason}</source>
        <translation>The chain node rejected it: {reason}</translation>
    </message>
    <message>
        <source>Does not verify at step {n} of {total} ({step}): {error}. Do not rely on it.</source>
        <translation>Does not verify at step {n} of {total} ({step}): {error}. Do not rely on it.</translation>
    </message>
    <message>
        <source>Does not verify: {error}. Do not rely on it.</source>
        <translation>Does not verify: {error}. Do not rely on it.</translation>
    </message>
    <message>
        <source>reading the receipt and its checkpoint</source>
        <translation>reading the receipt and its checkpoint</translation>
    </message>
    <message>
        <source>the chain log&apos;s signature on the checkpoint</source>
        <translation>the chain log&apos;s signature on the checkpoint</translation>
    </message>
    <message>
        <source>a witness&apos;s timestamped cosignature</source>
        <translation>a witness&apos;s timestamped cosignature</translation>
    </message>
    <message>
        <source>the entry&apos;s number within the checkpoint</source>
        <translation>the entry&apos;s number within the checkpoint</translation>
    </message>
    <message>
        <source>the entry&apos;s hash</source>
        <translation>the entry&apos;s hash</translation>
    </message>
    <message>
        <source>the proof that the entry is in the log</source>
        <translation>the proof that the entry is in the log</translation>
    </message>
    <message>
        <source>Evidence deposit (存证)</source>
        <translation>Evidence deposit (存证)</translation>
    </message>
    <message>
        <source>Enrolment of a key</source>
        <translation>Enrolment of a key</translation>
    </message>
    <message>
        <source>Approval of an enrolment by the node</source>
        <translation>Approval of an enrolment by the node</translation>
    </message>
    <message>
        <source>{plain} ({type})</source>
        <translation>{plain} ({type})</translation>
    </message>
    <message>
        <source>{name} ({role}), key {key}</source>
        <translation>{name} ({role}), key {key}</translation>
    </message>
    <message>
        <source>{name}, key {key}</source>
        <translation>{name}, key {key}</translation>
    </message>
    <message>
        <source>a key this computer has no name for: {key}</source>
        <translation>a key this computer has no name for: {key}</translation>
    </message>
    <message>
        <source>{signer} — you</source>
        <translation>{signer} — you</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry (#{index}) was signed before the key was revoked: valid (Electronic Signature Law Art. 15: the signer stops using a compromised key from then on; what it signed before stands)</source>
        <translation>at entry #{revoked}; this entry (#{index}) was signed before the key was revoked: valid (Electronic Signature Law Art. 15: the signer stops using a compromised key from then on; what it signed before stands)</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry (#{index}) is not below it: the chain node refuses every entry of a revoked key from its revocation on</source>
        <translation>at entry #{revoked}; this entry (#{index}) is not below it: the chain node refuses every entry of a revoked key from its revocation on</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry is not on the chain, and the chain node will refuse it: a revoked key signs nothing more</source>
        <translation>at entry #{revoked}; this entry is not on the chain, and the chain node will refuse it: a revoked key signs nothing more</translation>
    </message>
    <message>
        <source>the signer&apos;s signature on the statement</source>
        <translation>the signer&apos;s signature on the statement</translation>
    </message>
    <message>
        <source>what the statement says (its type and content)</source>
        <translation>what the statement says (its type and content)</translation>
    </message>
    <message>
        <source>that the entry is in the log at #{index}</source>
        <translation>that the entry is in the log at #{index}</translation>
    </message>
    <message>
        <source>the on-chain time (the witness&apos;s cosignature)</source>
        <translation>the on-chain time (the witness&apos;s cosignature)</translation>
    </message>
    <message>
        <source>that the log signed, and its witness cosigned, a checkpoint of {size} entries</source>
        <translation>that the log signed, and its witness cosigned, a checkpoint of {size} entries</translation>
    </message>
    <message>
        <source>that this entry is exactly your file</source>
        <translation>that this entry is exactly your file</translation>
    </message>
    <message>
        <source>that the entry lists this file&apos;s SHA-256</source>
        <translation>that the entry lists this file&apos;s SHA-256</translation>
    </message>
    <message>
        <source>the earlier on-chain time {time}</source>
        <translation>the earlier on-chain time {time}</translation>
    </message>
    <message>
        <source>Depositing signs the file&apos;s SHA-256, name and size with your key; the file itself stays on this computer.</source>
        <translation>Depositing signs the file&apos;s SHA-256, name and size with your key; the file itself stays on this computer.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>Confirmed on the chain: entry #{index}, on-chain time {time}.</source>
        <translation>Confirmed on the chain: entry #{index}, on-chain time {time}.</translation>
    </message>
    <message>
        <source>The chain node rejected this deposit: {reason}</source>
        <translation>The chain node rejected this deposit: {reason}</translation>
    </message>
    <message>
        <source>Signed — pending. The chain node accepted it; waiting for its receipt. It is not registered until the receipt arrives.</source>
        <translation>Signed — pending. The chain node accepted it; waiting for its receipt. It is not registered until the receipt arrives.</translation>
    </message>
    <message>
        <source>Signed — pending. Your signed deposit is kept on this computer and will be sent to the chain node; it is not registered until the receipt arrives.</source>
        <translation>Signed — pending. Your signed deposit is kept on this computer and will be sent to the chain node; it is not registered until the receipt arrives.</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>{name} — computing its SHA-256…</source>
        <translation>{name} — computing its SHA-256…</translation>
    </message>
    <message>
        <source>{name} — not hashed</source>
        <translation>{name} — not hashed</translation>
    </message>
    <message>
        <source>receipt (.tlog-proof)</source>
        <translation>receipt (.tlog-proof)</translation>
    </message>
    <message>
        <source>signed entry</source>
        <translation>signed entry</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>{name} — {size}, {kind}</source>
        <translation>{name} — {size}, {kind}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Judicial Chain Desk</source>
        <translation>Welcome to Judicial Chain Desk</translation>
    </message>
    <message>
        <source>Signed records for mediation and creditors&apos; meetings</source>
        <translation>Signed records for mediation and creditors&apos; meetings</translation>
    </message>
    <message>
        <source>Judicial Chain Desk keeps the record of a mediation or a bankruptcy case: session records, agreements, claims, objections and votes. Each of them is signed with your own key and sent to a judicial chain node, which keeps them in a log that cannot be changed afterwards and returns a receipt. Anyone holding a document or a receipt can later check it against the chain.</source>
        <translation>Judicial Chain Desk keeps the record of a mediation or a bankruptcy case: session records, agreements, claims, objections and votes. Each of them is signed with your own key and sent to a judicial chain node, which keeps them in a log that cannot be changed afterwards and returns a receipt. Anyone holding a document or a receipt can later check it against the chain.</translation>
    </message>
    <message>
        <source>This assistant sets up your profile on this computer in four steps: your name and role, your key and its passphrase, the chain node to use, and the enrolment of your key with that node.</source>
        <translation>This assistant sets up your profile on this computer in four steps: your name and role, your key and its passphrase, the chain node to use, and the enrolment of your key with that node.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
</context>
</TS>
