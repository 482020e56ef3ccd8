<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgreementTab</name>
    <message>
        <source>Parties to the agreement:</source>
        <translation>协议当事人：</translation>
    </message>
    <message>
        <source>Main facts of the dispute:</source>
        <translation>纠纷的主要事实：</translation>
    </message>
    <message>
        <source>Disputed matters:</source>
        <translation>争议事项：</translation>
    </message>
    <message>
        <source>Each party&apos;s responsibility:</source>
        <translation>各方当事人的责任：</translation>
    </message>
    <message>
        <source>What the parties agreed:</source>
        <translation>达成协议的内容：</translation>
    </message>
    <message>
        <source>Obligations (manner and time limit of performance, Art. 29(3)):</source>
        <translation>履行义务（履行方式和期限，第29条第3项）：</translation>
    </message>
    <message>
        <source>Add obligation…</source>
        <translation>添加义务…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Non-performance triggers a filing with the court</source>
        <translation>不履行即自动向法院提请</translation>
    </message>
    <message>
        <source>Ticked, every party agrees in the agreement that if an obligation is not performed by its deadline and grace period, the chain&apos;s contract rule files with the court by itself: for enforcement once a court has confirmed the agreement (People&apos;s Mediation Law Art. 33), otherwise for trial (Art. 32); SPC Opinions on blockchain judicial applications, item 14. Unticked, the obligee applies with one click.</source>
        <translation>勾选后，各方当事人在协议中一致同意：义务人在履行期限及宽限期届满仍未履行的，由司法链智能合约规则自动向人民法院提请——协议经司法确认的，申请强制执行（《人民调解法》第三十三条）；未经司法确认的，提请立案审理（第三十二条）；依据《最高人民法院关于加强区块链司法应用的意见》第（十四）项。不勾选，则由权利人一键申请。</translation>
    </message>
    <message>
        <source>The agreement concerns (a court would not confirm it, CPL Interp. 355):</source>
        <translation>协议涉及以下事项（法院不予司法确认，《民诉法解释》第355条）：</translation>
    </message>
    <message>
        <source>Missing before it can be proposed</source>
        <translation>提出协议前尚缺</translation>
    </message>
    <message>
        <source>Judicial confirmation risks</source>
        <translation>司法确认风险</translation>
    </message>
    <message>
        <source>Signatures on the latest version</source>
        <translation>最新版本的签名</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>A party signs at this desk…</source>
        <translation>当事人在本机签名…</translation>
    </message>
    <message>
        <source>No version proposed yet.</source>
        <translation>尚未提出任何版本。</translation>
    </message>
    <message>
        <source>Version {n} was proposed {time}. You changed the text: proposing makes version {next}.</source>
        <translation>第 {n} 版于 {time} 提出。您已修改文本：提出后将成为第 {next} 版。</translation>
    </message>
    <message>
        <source>Version {n}, proposed {time}.</source>
        <translation>第 {n} 版，提出于 {time}。</translation>
    </message>
    <message>
        <source>In effect since {time}: every party and the mediator signed version {n} (online mediation rules Art. 19). It binds the parties (PML Art. 31).</source>
        <translation>自 {time} 起生效：各方当事人和调解员均已签署第 {n} 版（《人民法院在线调解规则》第19条），对当事人具有约束力（《人民调解法》第31条）。</translation>
    </message>
    <message>
        <source>Nothing to sign until a version is proposed.</source>
        <translation>提出版本之前没有可签署的内容。</translation>
    </message>
    <message>
        <source>Every signature is in: nothing left to sign.</source>
        <translation>签名已全部完成，无需再签。</translation>
    </message>
    <message>
        <source>Waiting for: {names}.</source>
        <translation>等待签名：{names}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Online mediation rules Art. 19: {names} cannot sign yet; add their key in the Parties tab.</source>
        <translation>《人民法院在线调解规则》第19条：{names} 暂时无法签名，请在“当事人”页为其添加密钥。</translation>
    </message>
    <message>
        <source>Nothing missing: the contents PML Art. 29 asks for are all there.</source>
        <translation>内容齐全：《人民调解法》第29条要求的内容均已载明。</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>未发现。</translation>
    </message>
    <message>
        <source>Propose version {n}</source>
        <translation>提出第 {n} 版</translation>
    </message>
    <message>
        <source>Proposing signs version 1 with your key and sends it to the parties to sign.</source>
        <translation>提出时将用您的密钥签署第 1 版，并发送给各方当事人签署。</translation>
    </message>
    <message>
        <source>Version {n} is the one to sign. Change the text to propose another.</source>
        <translation>待签署的是第 {n} 版。修改文本即可提出新版本。</translation>
    </message>
    <message>
        <source>Proposing makes version {next}. Signatures on version {n} no longer count: everyone signs the new version (online mediation rules Art. 19).</source>
        <translation>提出后将成为第 {next} 版。第 {n} 版上的签名不再有效：所有人须签署新版本（《人民法院在线调解规则》第19条）。</translation>
    </message>
    <message>
        <source>Sign version {n} of the mediation agreement of case {case}.</source>
        <translation>签署案件 {case} 调解协议第 {n} 版。</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Save both notes…</source>
        <translation>保存两份检查点记录…</translation>
    </message>
    <message>
        <source>ALARM ({kind}), detected {when}: the chain node&apos;s log is not consistent with what this desktop verified before. {detail}
Both checkpoint notes (the one this desktop kept and the one the node offered) are kept in the local database as evidence. Syncing has stopped; tell the court that runs the node.</source>
        <translation>警报（{kind}），发现于 {when}：链节点的日志与本机此前已验证的记录不一致。{detail}
两份检查点记录（本机保存的一份和节点提供的一份）均已作为证据保存在本地数据库中。同步已停止，请告知运行该节点的法院。</translation>
    </message>
    <message>
        <source>{count} alarms recorded in all.</source>
        <translation>共记录 {count} 次警报。</translation>
    </message>
    <message>
        <source>Choose a folder for the two checkpoint notes</source>
        <translation>选择保存两份检查点记录的文件夹</translation>
    </message>
    <message>
        <source>Notes saved</source>
        <translation>记录已保存</translation>
    </message>
    <message>
        <source>Saved {count} files to {folder}.</source>
        <translation>已将 {count} 个文件保存到 {folder}。</translation>
    </message>
</context>
<context>
    <name>Bankruptcy</name>
    <message>
        <source>A {type} statement has no field {fields}: nothing else goes on the chain.</source>
        <translation>{type} 记录没有 {fields} 字段：规定字段以外的内容一律不上链。</translation>
    </message>
    <message>
        <source>The members a statement adds are a list of verifier keys.</source>
        <translation>记录所添加的案件成员须为验证公钥列表。</translation>
    </message>
    <message>
        <source>The acceptance names the court, the case number, the debtor (name and the hash of its unified social credit code), the administrator (key and name), the acceptance and announcement dates, the end of the claim-filing period and the first meeting&apos;s date, dates as YYYY-MM-DD (Enterprise Bankruptcy Law Art. 45, 62).</source>
        <translation>受理记录须写明受理法院、案号、债务人（名称及其统一社会信用代码的哈希）、管理人（密钥和名称）、受理日期和公告日期、债权申报期限届满日以及第一次债权人会议日期，日期格式为 YYYY-MM-DD（《企业破产法》第45条、第62条）。</translation>
    </message>
    <message>
        <source>An invitation lists each creditor&apos;s key, name and whether it is a person or an organisation.</source>
        <translation>邀请须列明每位债权人的密钥、姓名或名称，以及其为自然人还是组织。</translation>
    </message>
    <message>
        <source>A declaration states the claim&apos;s amounts as whole fen, none below zero: principal, interest and other amounts (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>债权申报须以整数分写明债权数额，且均不得小于零：本金、利息及其他金额（《企业破产法》第49条）。</translation>
    </message>
    <message>
        <source>A declaration names the claim and its version, its nature, whether it is secured, joint or guaranteed (Enterprise Bankruptcy Law Art. 49-51; Interpretation III Art. 6).</source>
        <translation>债权申报须写明债权及其版本、债权性质，以及是否有财产担保、是否为连带债权、是否涉及保证（《企业破产法》第49条至第51条；《企业破产法司法解释（三）》第6条）。</translation>
    </message>
    <message>
        <source>A review names the claim, its own version, the declaration version it answers and the nature found, and gives each of principal, interest and other amounts once: confirmed, adjusted or rejected, as whole fen (Enterprise Bankruptcy Law Art. 57; Interpretation III Art. 6).</source>
        <translation>债权审查须写明债权、审查本身的版本、所审查的申报版本和认定的债权性质，并对本金、利息及其他金额逐项各作一次认定：确认、调整或不予确认，以整数分计（《企业破产法》第57条；《企业破产法司法解释（三）》第6条）。</translation>
    </message>
    <message>
        <source>A claim table names its version, the number of claims, the hash of its rows and the totals of each group (Enterprise Bankruptcy Law Art. 57, 82).</source>
        <translation>债权表须写明其版本、债权笔数、各行的哈希以及各组债权的合计金额（《企业破产法》第57条、第82条）。</translation>
    </message>
    <message>
        <source>An objection names the claim and the table version, with its reasons and legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8).</source>
        <translation>异议须写明所涉债权和债权表版本，并说明理由和法律依据（《企业破产法》第58条；《企业破产法司法解释（三）》第8条）。</translation>
    </message>
    <message>
        <source>An answer names the objection, says whether the administrator explains or adjusted, and explains; an adjustment names the new review (Interpretation III Art. 8).</source>
        <translation>答复须写明所答复的异议，说明管理人是予以解释还是已作调整，并附说明；已作调整的，须写明新的审查记录（《企业破产法司法解释（三）》第8条）。</translation>
    </message>
    <message>
        <source>The court&apos;s ruling names its number, the table version and the claims it confirms (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>人民法院的裁定须写明裁定书编号、债权表版本及其确认的债权（《企业破产法》第58条第2款）。</translation>
    </message>
    <message>
        <source>A provisional amount names the claim, the amount in whole fen and why (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>临时确定债权额须写明债权、以整数分计的金额及其理由（《企业破产法》第59条第2款）。</translation>
    </message>
    <message>
        <source>A declaration comes with its evidence (Enterprise Bankruptcy Law Art. 49: 提交有关证据): at least one document, by its hash.</source>
        <translation>申报债权应当提交有关证据（《企业破产法》第49条）：至少一份文件，以其哈希标明。</translation>
    </message>
    <message>
        <source>A secured claim names its collateral and is of secured nature; an unsecured claim has neither (Enterprise Bankruptcy Law Art. 49: 有无财产担保).</source>
        <translation>有财产担保的债权须写明担保财产，债权性质为有财产担保债权；无财产担保的债权二者均不得写明（《企业破产法》第49条：书面说明有无财产担保）。</translation>
    </message>
    <message>
        <source>Interest is declared up to a day, no later than the acceptance of the case (Enterprise Bankruptcy Law Art. 46): give that day.</source>
        <translation>利息须申报至某一日，且不得晚于人民法院受理破产申请之日（《企业破产法》第46条）：请写明该日期。</translation>
    </message>
    <message>
        <source>A claim found secured is of secured nature, and only such a claim (Enterprise Bankruptcy Law Art. 49, 82(1); Interpretation III Art. 6).</source>
        <translation>认定为有财产担保的债权，其性质为有财产担保债权；其他债权不得认定为有财产担保（《企业破产法》第49条、第82条第1款第1项；《企业破产法司法解释（三）》第6条）。</translation>
    </message>
    <message>
        <source>An amount adjusted or rejected needs its reason (Interpretation III Art. 6).</source>
        <translation>调整或不予确认的金额须说明理由（《企业破产法司法解释（三）》第6条）。</translation>
    </message>
    <message>
        <source>A rejected amount is confirmed at zero fen.</source>
        <translation>不予确认的金额，确认数额为零分。</translation>
    </message>
    <message>
        <source>Only the case&apos;s administrator may do this (Enterprise Bankruptcy Law Art. 25, 57: the administrator registers and reviews claims).</source>
        <translation>只有本案破产管理人可以进行此操作（《企业破产法》第25条、第57条：由管理人登记、审查申报的债权）。</translation>
    </message>
    <message>
        <source>Only the court that accepted the case rules on it (Enterprise Bankruptcy Law Art. 58(2), 59(2)).</source>
        <translation>只有受理破产申请的人民法院可以作出裁定（《企业破产法》第58条第2款、第59条第2款）。</translation>
    </message>
    <message>
        <source>There is no claim {claim} in this case.</source>
        <translation>本案没有债权 {claim}。</translation>
    </message>
    <message>
        <source>The court has already accepted this case.</source>
        <translation>人民法院已受理本案。</translation>
    </message>
    <message>
        <source>A case needs a case number.</source>
        <translation>案件须有案号。</translation>
    </message>
    <message>
        <source>The judge, the administrator and the debtor each sign with a key of their own (Electronic Signature Law Art. 13).</source>
        <translation>法官、管理人和债务人须各自使用本人专有的密钥签名（《电子签名法》第十三条）。</translation>
    </message>
    <message>
        <source>The acceptance makes the administrator (and the debtor&apos;s representative, if named) members of the case, and no one else: creditors join by the administrator&apos;s invitation.</source>
        <translation>受理记录仅将管理人（以及已写明的债务人代表）列为本案成员，不得添加其他人：债权人经管理人邀请加入。</translation>
    </message>
    <message>
        <source>The claims of this case would together exceed {limit} fen, the largest amount the chain records exactly; check the amounts declared.</source>
        <translation>本案债权合计将超过 {limit} 分，即链上能够精确记录的最大金额；请核对申报金额。</translation>
    </message>
    <message>
        <source>The court announces the case within twenty-five days of accepting it (Enterprise Bankruptcy Law Art. 14): between {accepted} and {latest}.</source>
        <translation>人民法院应当自裁定受理破产申请之日起二十五日内予以公告（《企业破产法》第14条）：公告日应在 {accepted} 至 {latest} 之间。</translation>
    </message>
    <message>
        <source>The claim-filing period runs at least thirty days and at most three months from the announcement (Enterprise Bankruptcy Law Art. 45): it ends between {earliest} and {latest}.</source>
        <translation>债权申报期限自公告之日起计算，最短不得少于三十日，最长不得超过三个月（《企业破产法》第45条）：应于 {earliest} 至 {latest} 之间届满。</translation>
    </message>
    <message>
        <source>The first creditors&apos; meeting is held within fifteen days after the claim-filing period ends (Enterprise Bankruptcy Law Art. 62): between the day after {ends} and {latest}.</source>
        <translation>第一次债权人会议应在债权申报期限届满之日起十五日内召开（《企业破产法》第62条）：即 {ends} 次日至 {latest} 之间。</translation>
    </message>
    <message>
        <source>Each creditor joins once, with a key of its own: a key already in the case cannot be invited again.</source>
        <translation>每位债权人以本人专有的密钥加入一次：已在本案中的密钥不能再次邀请。</translation>
    </message>
    <message>
        <source>An invitation makes exactly the invited creditors&apos; keys members of the case.</source>
        <translation>邀请仅将受邀债权人的密钥列为本案成员，不多不少。</translation>
    </message>
    <message>
        <source>A claim is declared by its creditor, or the creditor&apos;s agent, with their own key (Enterprise Bankruptcy Law Art. 48-49); the administrator invites the creditor into the case first.</source>
        <translation>债权由债权人或其代理人使用本人的密钥申报（《企业破产法》第48条至第49条）；须先由管理人邀请债权人加入本案。</translation>
    </message>
    <message>
        <source>Claim {claim} was declared by another creditor: only its own creditor amends it (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>债权 {claim} 由其他债权人申报：只有该债权的债权人可以修改申报（《企业破产法》第49条）。</translation>
    </message>
    <message>
        <source>An amended declaration is a new version: the next version of claim {claim} is {n}.</source>
        <translation>修改后的申报为新版本：债权 {claim} 的下一版本为第 {n} 版。</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); it is no longer amended by declaration.</source>
        <translation>债权 {claim} 已由人民法院裁定 {ruling} 确认（《企业破产法》第58条第2款），不能再通过申报修改。</translation>
    </message>
    <message>
        <source>Interest stops running when the court accepts the case, on {date} (Enterprise Bankruptcy Law Art. 46): declare interest up to that day.</source>
        <translation>附利息的债权自人民法院受理破产申请时（{date}）起停止计息（《企业破产法》第46条）：利息请申报至该日。</translation>
    </message>
    <message>
        <source>A review answers the claim&apos;s current declaration, version {n} (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>审查须针对该债权当前的申报，即第 {n} 版（《企业破产法》第57条）。</translation>
    </message>
    <message>
        <source>The next review of claim {claim} is version {n}.</source>
        <translation>债权 {claim} 的下一次审查为第 {n} 版。</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling} (Enterprise Bankruptcy Law Art. 58(2)); the administrator no longer reviews it.</source>
        <translation>债权 {claim} 已由人民法院裁定 {ruling} 确认（《企业破产法》第58条第2款），管理人不再对其审查。</translation>
    </message>
    <message>
        <source>The next version of the claim table is {n}.</source>
        <translation>债权表的下一版本为第 {n} 版。</translation>
    </message>
    <message>
        <source>The claim table differs from the reviews on the chain: it lists {claims} claims with row hash {hash}; recomputed from the chain it lists {expected} with {expected_hash}, and totals per group must match too (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>债权表与链上的审查记录不符：债权表列有 {claims} 笔债权，行哈希为 {hash}；根据链上记录重新计算应为 {expected} 笔，行哈希为 {expected_hash}，各组合计金额也须一致（《企业破产法》第57条）。</translation>
    </message>
    <message>
        <source>An objection to the claim table is raised by a creditor or the debtor (Enterprise Bankruptcy Law Art. 58).</source>
        <translation>对债权表的异议由债权人或债务人提出（《企业破产法》第58条）。</translation>
    </message>
    <message>
        <source>An objection needs a new identifier.</source>
        <translation>异议需要一个新的编号。</translation>
    </message>
    <message>
        <source>An objection is to a row of a published claim table: table {table} lists no claim {claim} (Enterprise Bankruptcy Law Art. 58).</source>
        <translation>异议须针对已公布债权表中的某一行：债权表 {table} 未列有债权 {claim}（《企业破产法》第58条）。</translation>
    </message>
    <message>
        <source>Claim {claim} was confirmed by the court&apos;s ruling {ruling}: the time for objecting to its row has passed (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>债权 {claim} 已由人民法院裁定 {ruling} 确认，已不能再对债权表中该项提出异议（《企业破产法》第58条第2款）。</translation>
    </message>
    <message>
        <source>Claim {claim} was reviewed again after table {table}: object to the row that lists its current review.</source>
        <translation>债权 {claim} 在债权表 {table} 之后已重新审查：请对列有其当前审查结果的那一行提出异议。</translation>
    </message>
    <message>
        <source>There is no such objection.</source>
        <translation>没有该异议。</translation>
    </message>
    <message>
        <source>This objection was answered on {time}.</source>
        <translation>该异议已于 {time} 答复。</translation>
    </message>
    <message>
        <source>There is no claim table {table}.</source>
        <translation>没有债权表 {table}。</translation>
    </message>
    <message>
        <source>Claim {claim} is determined (confirmed by ruling {ruling}); a provisional amount is set only for a claim not yet determined (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>债权 {claim} 已经确定（已由裁定 {ruling} 确认）；只有对尚未确定的债权才临时确定债权额（《企业破产法》第59条第2款）。</translation>
    </message>
    <message>
        <source>A provisional amount for voting is at most the {declared} fen declared (Enterprise Bankruptcy Law Art. 59(2)).</source>
        <translation>为行使表决权而临时确定的债权额不得超过申报的 {declared} 分（《企业破产法》第59条第2款）。</translation>
    </message>
    <message>
        <source>The court has not accepted this case: a judge accepts it first (Enterprise Bankruptcy Law Art. 10, 45).</source>
        <translation>人民法院尚未受理本案：须先由法官裁定受理（《企业破产法》第10条、第45条）。</translation>
    </message>
    <message>
        <source>Only the court&apos;s acceptance and the administrator&apos;s invitation make keys members of a bankruptcy case.</source>
        <translation>只有人民法院的受理记录和管理人的邀请可以将密钥列为破产案件的成员。</translation>
    </message>
    <message>
        <source>The review confirms {amount} fen of {item} where {asked} fen were declared: a review never confirms more than the creditor declared (Enterprise Bankruptcy Law Art. 57).</source>
        <translation>审查确认{item} {amount} 分，而申报的是 {asked} 分：审查确认的数额不得超过债权人申报的数额（《企业破产法》第57条）。</translation>
    </message>
    <message>
        <source>An amount confirmed is the amount declared ({asked} fen of {item}); a different amount is an adjustment, with its reason (Interpretation III Art. 6).</source>
        <translation>确认的数额即申报的数额（{item} {asked} 分）；数额不同的属于调整，须说明理由（《企业破产法司法解释（三）》第6条）。</translation>
    </message>
    <message>
        <source>An adjustment is made by a new review of the claim, signed first; the answer names it (Interpretation III Art. 8).</source>
        <translation>调整须通过对该债权的新一次审查作出，并先行签署；答复中须写明该审查（《企业破产法司法解释（三）》第8条）。</translation>
    </message>
    <message>
        <source>Table {table} lists no claim {claim}.</source>
        <translation>债权表 {table} 未列有债权 {claim}。</translation>
    </message>
    <message>
        <source>Claim {claim} changed after table {table} (a new declaration or review): the court confirms the row as it stands (Enterprise Bankruptcy Law Art. 58(2)).</source>
        <translation>债权 {claim} 在债权表 {table} 之后已有变动（新的申报或审查）：人民法院按该行现有记载予以确认（《企业破产法》第58条第2款）。</translation>
    </message>
    <message>
        <source>Claim {claim} is disputed: only rows no creditor or the debtor objected to are confirmed by ruling; a disputed claim goes to a lawsuit (Enterprise Bankruptcy Law Art. 58(2)-(3); Interpretation III Art. 8).</source>
        <translation>债权 {claim} 存在异议：只有债权人、债务人均无异议的债权才由裁定确认；有异议的债权应通过诉讼解决（《企业破产法》第58条第2款、第3款；《企业破产法司法解释（三）》第8条）。</translation>
    </message>
    <message>
        <source>Claim {claim} was already confirmed by ruling {ruling}.</source>
        <translation>债权 {claim} 已由裁定 {ruling} 确认。</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseList</name>
    <message>
        <source>Bankruptcy cases</source>
        <translation>破产案件</translation>
    </message>
    <message>
        <source>Search case number or debtor</source>
        <translation>搜索案号或债务人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>No bankruptcy case yet. A case appears here once the court accepts it and you are its administrator, or the administrator invites you as a creditor, and the chain delivers it.</source>
        <translation>尚无破产案件。人民法院受理案件且您为该案管理人，或管理人邀请您作为债权人加入，并经司法链送达后，案件即显示在此处。</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>受理法院</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>债权笔数</translation>
    </message>
    <message>
        <source>Claim table</source>
        <translation>债权表</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
</context>
<context>
    <name>BankruptcyCaseView</name>
    <message>
        <source>← Cases</source>
        <translation>← 案件列表</translation>
    </message>
    <message>
        <source>Declare a claim…</source>
        <translation>申报债权…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修改申报…</translation>
    </message>
    <message>
        <source>Object…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审查…</translation>
    </message>
    <message>
        <source>Publish the claim table…</source>
        <translation>公布债权表…</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>待审查债权</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>我的债权</translation>
    </message>
    <message>
        <source>Claim table</source>
        <translation>债权表</translation>
    </message>
    <message>
        <source>{debtor} · {number}</source>
        <translation>{debtor} · {number}</translation>
    </message>
    <message>
        <source>You are the administrator.</source>
        <translation>您是本案管理人。</translation>
    </message>
    <message>
        <source>You are the court.</source>
        <translation>您是受理法院。</translation>
    </message>
    <message>
        <source>You take part as a creditor.</source>
        <translation>您以债权人身份参与本案。</translation>
    </message>
    <message>
        <source>Claim table version {n} published.</source>
        <translation>已公布第 {n} 版债权表。</translation>
    </message>
    <message>
        <source>No claim table published yet.</source>
        <translation>尚未公布债权表。</translation>
    </message>
    <message>
        <source>{court}; administrator {administrator}. Accepted {accepted}; claims are declared until {ends} (Art. 45, 56: later ones are accepted and flagged late); first creditors&apos; meeting {meeting} (Art. 62). {claims} claims. {table} {me}</source>
        <translation>{court}；管理人 {administrator}。{accepted} 受理；债权申报期限至 {ends}（第45条、第56条：逾期申报的仍予接收，并标注为补充申报）；第一次债权人会议 {meeting}（第62条）。共 {claims} 笔债权。{table}{me}</translation>
    </message>
</context>
<context>
    <name>BankruptcyPage</name>
    <message>
        <source>Bankruptcy</source>
        <translation>破产</translation>
    </message>
    <message>
        <source>The bankruptcy module (claims, the claim table, creditors&apos; meetings and votes) arrives with a later release of Judicial Chain Desk. Until then this desktop keeps every bankruptcy statement it signs or receives in its local log, and the module will show them from there.</source>
        <translation>破产模块（债权申报、债权表、债权人会议与表决）将在司法链桌面端的后续版本中提供。在此之前，本机签署或收到的每一条破产案件记录都保存在本地日志中，模块上线后将从那里显示。</translation>
    </message>
</context>
<context>
    <name>BankruptcyWords</name>
    <message>
        <source>Awaiting review</source>
        <translation>待审查</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>审查确认</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予确认</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有异议</translation>
    </message>
    <message>
        <source>Confirmed by the court</source>
        <translation>法院裁定确认</translation>
    </message>
    <message>
        <source>Provisional amount</source>
        <translation>临时确定债权额</translation>
    </message>
    <message>
        <source>Secured</source>
        <translation>有财产担保债权组</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>职工债权组</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>税款债权组</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通债权组</translation>
    </message>
    <message>
        <source>Ordinary claim</source>
        <translation>普通债权</translation>
    </message>
    <message>
        <source>Secured claim</source>
        <translation>有财产担保债权</translation>
    </message>
    <message>
        <source>Tax claim</source>
        <translation>税款债权</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险费用</translation>
    </message>
    <message>
        <source>Employees&apos; wages</source>
        <translation>职工工资</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Other amounts</source>
        <translation>其他金额</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予确认</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报债权</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审查债权</translation>
    </message>
    <message>
        <source>Objection raised</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Objection answered</source>
        <translation>答复异议</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Mediation cases</source>
        <translation>调解案件</translation>
    </message>
    <message>
        <source>Search case id, party name or summary</source>
        <translation>搜索案件编号、当事人姓名或案情摘要</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cases you open, and cases in which you are a party, appear here as the chain delivers them.</source>
        <translation>您受理的案件以及您作为当事人的案件，在司法链送达后会显示在这里。</translation>
    </message>
    <message>
        <source>Cases in which you are a party appear here once the mediator opens them and the chain delivers them. Only a mediator opens a case.</source>
        <translation>调解员受理案件且司法链送达后，您作为当事人的案件会显示在这里。只有调解员可以受理案件。</translation>
    </message>
    <message>
        <source>No case matches the search.</source>
        <translation>没有符合搜索条件的案件。</translation>
    </message>
    <message>
        <source>No mediation case yet.</source>
        <translation>暂无调解案件。</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近变更</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>← Cases</source>
        <translation>← 案件列表</translation>
    </message>
    <message>
        <source>Close the case…</source>
        <translation>终结案件…</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>调解笔录</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>{case} · {dispute}</source>
        <translation>{case} · {dispute}</translation>
    </message>
    <message>
        <source>You are the mediator.</source>
        <translation>您是本案调解员。</translation>
    </message>
    <message>
        <source>You are a party: {name}, {role}.</source>
        <translation>您是本案当事人：{name}，{role}。</translation>
    </message>
    <message>
        <source>You follow this case.</source>
        <translation>您关注本案。</translation>
    </message>
    <message>
        <source>{summary} — {organisation}, mediator {mediator}. {me}</source>
        <translation>{summary} — {organisation}，调解员 {mediator}。{me}</translation>
    </message>
</context>
<context>
    <name>CaseworkWords</name>
    <message>
        <source>pending</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>{state} (on chain {time})</source>
        <translation>{state}（上链时间 {time}）</translation>
    </message>
    <message>
        <source>{state} (index {index})</source>
        <translation>{state}（链上序号 {index}）</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}：{reason}</translation>
    </message>
</context>
<context>
    <name>ChainForm</name>
    <message>
        <source>Enter the address of the court&apos;s chain node.</source>
        <translation>请输入法院链节点的地址。</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss:// and name a host, for example wss://chain.court.example/ws.</source>
        <translation>地址须以 ws:// 或 wss:// 开头并包含主机名，例如 wss://chain.court.example/ws。</translation>
    </message>
    <message>
        <source>The log key is not a verifier key (name+hash+key).</source>
        <translation>日志公钥不是有效的验证公钥（格式为 名称+哈希+公钥）。</translation>
    </message>
    <message>
        <source>Enter the log key as well, or leave the witness keys empty.</source>
        <translation>请同时填写日志公钥，或将见证公钥留空。</translation>
    </message>
    <message>
        <source>Witness key {number} is not a verifier key.</source>
        <translation>第 {number} 个见证公钥不是有效的验证公钥。</translation>
    </message>
    <message>
        <source>Embedded node on this computer (default)</source>
        <translation>本机内置节点（默认）</translation>
    </message>
    <message>
        <source>Good for trying the app and for a mediator working alone: the node runs in the background on this computer and approves new keys automatically.</source>
        <translation>适合试用本软件或调解员单独使用：节点在本机后台运行，并自动批准新密钥。</translation>
    </message>
    <message>
        <source>The court&apos;s chain node at this address:</source>
        <translation>使用以下地址的法院链节点：</translation>
    </message>
    <message>
        <source>Log key (optional):</source>
        <translation>日志公钥（可选）：</translation>
    </message>
    <message>
        <source>Witness keys (optional):</source>
        <translation>见证公钥（可选）：</translation>
    </message>
    <message>
        <source>as published by the court</source>
        <translation>以法院公布的为准</translation>
    </message>
    <message>
        <source>one key per line</source>
        <translation>每行一个公钥</translation>
    </message>
    <message>
        <source>When the court publishes its log key, enter it: the desktop then refuses a node that presents other keys. Without it, the keys seen at the first connection are trusted from then on.</source>
        <translation>如法院公布了日志公钥，请填写：之后若节点出示其他公钥，本机将拒绝连接。不填写时，以首次连接时获得的公钥为准并持续信任。</translation>
    </message>
    <message>
        <source>This address is not encrypted (ws://). Use wss:// for a node across a network.</source>
        <translation>该地址未加密（ws://）。通过网络连接节点时请使用 wss://。</translation>
    </message>
</context>
<context>
    <name>ChainPage</name>
    <message>
        <source>Checking the local log…</source>
        <translation>正在检查本地日志…</translation>
    </message>
    <message>
        <source>Comparing every view with a replay of the log…</source>
        <translation>正在将各数据视图与日志重放结果逐一比对…</translation>
    </message>
    <message>
        <source>Verifying entry {done} of {total}…</source>
        <translation>正在验证第 {done} 条，共 {total} 条…</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The check could not run.</source>
        <translation>检查无法进行。</translation>
    </message>
    <message>
        <source>OK: {count} entries verified, and every view matches a replay of the log.</source>
        <translation>正常：已验证 {count} 条记录，所有数据视图均与日志重放结果一致。</translation>
    </message>
    <message>
        <source>{problems} problems found in {count} entries:</source>
        <translation>在 {count} 条记录中发现 {problems} 个问题：</translation>
    </message>
    <message>
        <source>Entries signed on this desktop, and what the chain says of them</source>
        <translation>本机签署的记录及其上链状态</translation>
    </message>
    <message>
        <source>Checkpoints this desktop verified</source>
        <translation>本机已验证的检查点</translation>
    </message>
    <message>
        <source>Check local log</source>
        <translation>检查本地日志</translation>
    </message>
    <message>
        <source>Re-verify every entry&apos;s signature and compare every table with a replay of the log (the on-chain/off-chain consistency check).</source>
        <translation>重新验证每条记录的签名，并将每张数据表与日志重放结果比对（链上链下一致性检查）。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChainStatusBar</name>
    <message>
        <source>{name} · {role} · key {key_id}</source>
        <translation>{name} · {role} · 密钥 {key_id}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <source>Node: {url} · embedded, auto-approve</source>
        <translation>节点：{url} · 内置，自动批准</translation>
    </message>
    <message>
        <source>Node: {url} · embedded</source>
        <translation>节点：{url} · 内置</translation>
    </message>
    <message>
        <source>Node: {url} · auto-approve</source>
        <translation>节点：{url} · 自动批准</translation>
    </message>
    <message>
        <source>Node: {url}</source>
        <translation>节点：{url}</translation>
    </message>
    <message>
        <source>Log: {origin}</source>
        <translation>日志：{origin}</translation>
    </message>
    <message>
        <source>The log&apos;s keys were trusted on first use (none were configured).</source>
        <translation>日志公钥为首次连接时信任（未预先配置）。</translation>
    </message>
    <message>
        <source>The log&apos;s keys match the ones configured for this profile.</source>
        <translation>日志公钥与本档案配置的公钥一致。</translation>
    </message>
    <message>
        <source>This node approves every enrolment automatically: anyone who can reach it can join. Use a court&apos;s node for real cases.</source>
        <translation>该节点会自动批准所有注册申请：任何能连接到它的人都可以加入。办理真实案件请使用法院的节点。</translation>
    </message>
    <message>
        <source>Waiting to sync: {count}</source>
        <translation>待同步：{count}</translation>
    </message>
    <message>
        <source>{pending} signed and pending on this computer, {submitted} submitted and awaiting a verified receipt</source>
        <translation>本机已签名待同步 {pending} 条，已提交待验证回执 {submitted} 条</translation>
    </message>
    <message>
        <source>Rejected by the node: {count}</source>
        <translation>被节点拒绝：{count}</translation>
    </message>
    <message>
        <source>No verified checkpoint yet</source>
        <translation>尚无已验证的检查点</translation>
    </message>
    <message>
        <source>Verified checkpoint: {size} entries</source>
        <translation>已验证检查点：{size} 条</translation>
    </message>
    <message>
        <source>⚠ ALARM</source>
        <translation>⚠ 警报</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline: signed entries wait on this computer</source>
        <translation>离线：已签名的记录暂存本机</translation>
    </message>
    <message>
        <source>Not enrolled with this node</source>
        <translation>尚未在该节点注册</translation>
    </message>
    <message>
        <source>Alarm: syncing stopped</source>
        <translation>警报：同步已停止</translation>
    </message>
</context>
<context>
    <name>CheckpointModel</name>
    <message>
        <source>Size</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Root hash</source>
        <translation>根哈希</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>验证时间</translation>
    </message>
</context>
<context>
    <name>ClaimDetailPanel</name>
    <message>
        <source>Declaration versions</source>
        <translation>申报各版本</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>审查记录</translation>
    </message>
    <message>
        <source>Choose a claim to see its history.</source>
        <translation>请选择一笔债权以查看其记录。</translation>
    </message>
    <message>
        <source>Claim {claim}: declared {declared} yuan, version {n}</source>
        <translation>债权 {claim}：申报 {declared} 元，第 {n} 版</translation>
    </message>
    <message>
        <source>Objection {id} to the row in table {table}{answered}</source>
        <translation>对债权表 {table} 中该项的异议 {id}{answered}</translation>
    </message>
    <message>
        <source>, answered</source>
        <translation>，已答复</translation>
    </message>
</context>
<context>
    <name>ClaimTable</name>
    <message>
        <source>Search claim or creditor</source>
        <translation>搜索债权编号或债权人</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every group</source>
        <translation>全部组别</translation>
    </message>
    <message>
        <source>Declared, yuan:</source>
        <translation>申报金额（元）：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>to</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Write amounts in yuan with digits, e.g. 60,000.50.</source>
        <translation>请用数字填写以元为单位的金额，例如 60,000.50。</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 笔债权</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimTableModel</name>
    <message>
        <source>Claim</source>
        <translation>债权编号</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>债权人</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Declared (yuan)</source>
        <translation>申报金额（元）</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>确认金额（元）</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Declared on</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（补充申报）</translation>
    </message>
    <message>
        <source>{amount} (provisional)</source>
        <translation>{amount}（临时确定）</translation>
    </message>
    <message>
        <source>Declared after the claim-filing period (Enterprise Bankruptcy Law Art. 56).</source>
        <translation>在债权申报期限届满后申报（《企业破产法》第56条）。</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close the case without agreement</source>
        <translation>调解不成，终结案件</translation>
    </message>
    <message>
        <source>PML Art. 26: when mediation fails, the mediator ends it and tells the parties they may protect their rights by arbitration, administrative means or a lawsuit. Nothing can be added to a closed case.</source>
        <translation>《人民调解法》第26条：调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。已终结的案件不能再添加任何内容。</translation>
    </message>
    <message>
        <source>Why mediation ends</source>
        <translation>终止调解的理由</translation>
    </message>
    <message>
        <source>Sign and close</source>
        <translation>签名并终结</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <source>Amend claim {claim}</source>
        <translation>修改债权 {claim} 的申报</translation>
    </message>
    <message>
        <source>An amended declaration is version {n} of claim {claim}; the earlier versions stay on the chain (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>修改后的申报为债权 {claim} 的第 {n} 版；此前各版本仍保留在链上（《企业破产法》第49条）。</translation>
    </message>
    <message>
        <source>Declare a claim</source>
        <translation>申报债权</translation>
    </message>
    <message>
        <source>Declare your claim against {debtor} to the administrator {administrator}: the amounts, whether it is secured, its nature and your evidence (Enterprise Bankruptcy Law Art. 49; Interpretation III Art. 6). Interest runs at most until the court accepted the case, {accepted} (Art. 46). Claim number: {claim}.</source>
        <translation>向管理人 {administrator} 申报您对 {debtor} 的债权：写明债权数额、有无财产担保、债权性质，并提交有关证据（《企业破产法》第49条；《企业破产法司法解释（三）》第6条）。利息最多计算至人民法院受理破产申请之日，即 {accepted}（第46条）。债权编号：{claim}。</translation>
    </message>
    <message>
        <source>Principal:</source>
        <translation>本金：</translation>
    </message>
    <message>
        <source>Interest:</source>
        <translation>利息：</translation>
    </message>
    <message>
        <source>Interest until:</source>
        <translation>利息计至：</translation>
    </message>
    <message>
        <source>Other amounts:</source>
        <translation>其他金额：</translation>
    </message>
    <message>
        <source>Total declared:</source>
        <translation>申报总额：</translation>
    </message>
    <message>
        <source>Nature:</source>
        <translation>债权性质：</translation>
    </message>
    <message>
        <source>Collateral:</source>
        <translation>担保财产：</translation>
    </message>
    <message>
        <source>Joint claim (Art. 50):</source>
        <translation>连带债权（第50条）：</translation>
    </message>
    <message>
        <source>Agent (if any):</source>
        <translation>代理人（如有）：</translation>
    </message>
    <message>
        <source>Facts:</source>
        <translation>事实与理由：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>A guarantor&apos;s or guaranteed claim (Art. 51)</source>
        <translation>保证人求偿权或涉及保证的债权（第51条）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>What secures the claim, e.g. the mortgaged plant (secured claims only)</source>
        <translation>担保债权的财产，例如已抵押的厂房（仅限有财产担保债权）</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
</context>
<context>
    <name>DeclarationsModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>债权性质</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>{nature}: {collateral}</source>
        <translation>{nature}：{collateral}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisclosuresModel</name>
    <message>
        <source>Disclosed</source>
        <translation>披露时间</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>利益冲突</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Mediation agreement (PDF)</source>
        <translation>调解协议书（PDF）</translation>
    </message>
    <message>
        <source>Save and register the agreement PDF…</source>
        <translation>保存并存证调解协议 PDF…</translation>
    </message>
    <message>
        <source>Joint application for judicial confirmation (PML Art. 33)</source>
        <translation>共同申请司法确认（《人民调解法》第33条）</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>法院：</translation>
    </message>
    <message>
        <source>The basic court of a party&apos;s domicile or of the mediation organisation</source>
        <translation>当事人住所地或调解组织所在地的基层人民法院</translation>
    </message>
    <message>
        <source>Apply (sign my half)</source>
        <translation>申请（签署我方部分）</translation>
    </message>
    <message>
        <source>A party applies at this desk…</source>
        <translation>当事人在本机申请…</translation>
    </message>
    <message>
        <source>Save and register the application PDF…</source>
        <translation>保存并存证申请书 PDF…</translation>
    </message>
    <message>
        <source>Application for enforcement</source>
        <translation>强制执行申请</translation>
    </message>
    <message>
        <source>Documents registered on the chain</source>
        <translation>已上链存证的文书</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>No agreement proposed yet.</source>
        <translation>尚未提出调解协议。</translation>
    </message>
    <message>
        <source>Version {n} is not in effect yet: the PDF shows the signatures so far and says it is not in effect.</source>
        <translation>第 {n} 版尚未生效：PDF 将显示目前已有的签名，并注明尚未生效。</translation>
    </message>
    <message>
        <source>In effect since {time}. {count} signature(s) are not confirmed by the chain yet; a PDF made now says so. Wait for the receipts for a complete one.</source>
        <translation>自 {time} 起生效。尚有 {count} 个签名未经司法链确认，现在生成的 PDF 会注明这一点。如需完整版本，请等待回执到达。</translation>
    </message>
    <message>
        <source>In effect since {time}; every signature is confirmed by the chain.</source>
        <translation>自 {time} 起生效；所有签名均已经司法链确认。</translation>
    </message>
    <message>
        <source>Both parties apply together within 30 days of the agreement taking effect, the day of effect not counted (PML Art. 33; Civil Code Art. 201): by {deadline} ({days} days left).</source>
        <translation>双方当事人须自调解协议生效之日起 30 日内共同申请，生效当日不计入（《人民调解法》第33条；《民法典》第201条）：截止 {deadline}（还剩 {days} 天）。</translation>
    </message>
    <message>
        <source>The 30 days for applying ended on {deadline} (PML Art. 33; CPL Art. 205). An application made now is still sent, marked late: the court decides whether to accept it, for instance on a proper reason for the delay (CPL Art. 86).</source>
        <translation>申请的 30 日期限已于 {deadline} 届满（《人民调解法》第33条；《民事诉讼法》第205条）。现在提出的申请仍会发送，但标注为逾期：是否受理由人民法院决定，例如当事人有正当理由耽误期限的（《民事诉讼法》第86条）。</translation>
    </message>
    <message>
        <source>{name} applied to {court} on {time}, after the 30 days ended: late, the court decides whether to accept it (CPL Art. 86) — {status}</source>
        <translation>{name} 于 {time} 向 {court} 提出申请，已超过 30 日期限：属逾期申请，是否受理由人民法院决定（《民事诉讼法》第86条）— {status}</translation>
    </message>
    <message>
        <source>{name} applied to {court} on {time} — {status}</source>
        <translation>{name} 于 {time} 向{court}提出申请 — {status}</translation>
    </message>
    <message>
        <source>Not yet applied: {names}</source>
        <translation>尚未申请：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed by the contract rule {rule}</source>
        <translation>{obligation}，第 {seq} 期：由合约规则 {rule} 提交</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: the obligee&apos;s application</source>
        <translation>{obligation}，第 {seq} 期：权利人申请</translation>
    </message>
    <message>
        <source>An obligation was not performed in time. The application names the agreement, what was due, what was confirmed, and the chain entry that filed it.</source>
        <translation>有义务未按期履行。申请书载明调解协议、应履行内容、已确认履行的内容，以及提交申请的链上记录。</translation>
    </message>
    <message>
        <source>Apply for judicial confirmation of the agreement of case {case}.</source>
        <translation>申请对案件 {case} 的调解协议进行司法确认。</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Mediation agreement {case} v{n}.pdf</source>
        <translation>调解协议书 {case} 第{n}版.pdf</translation>
    </message>
    <message>
        <source>Application for judicial confirmation {case}.pdf</source>
        <translation>司法确认申请书 {case}.pdf</translation>
    </message>
    <message>
        <source>Application for enforcement {case} {obligation}.pdf</source>
        <translation>强制执行申请书 {case} {obligation}.pdf</translation>
    </message>
    <message>
        <source>Saved to {path} and registered (SHA-256 {sha}).</source>
        <translation>已保存到 {path} 并完成存证（SHA-256 {sha}）。</translation>
    </message>
    <message>
        <source>Saved to {path}, but not registered: the Verify page will not know it.</source>
        <translation>已保存到 {path}，但未存证：“核验”页将无法识别该文件。</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Enrolment</source>
        <translation>密钥注册</translation>
    </message>
    <message>
        <source>The chain node learns your key and your role</source>
        <translation>链节点登记您的密钥和身份</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>embedded node on this computer</source>
        <translation>本机内置节点</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>链节点</translation>
    </message>
    <message>
        <source>Starting the embedded node on this computer…</source>
        <translation>正在启动本机内置节点…</translation>
    </message>
    <message>
        <source>Encrypting your key and preparing the profile…</source>
        <translation>正在加密密钥并准备档案…</translation>
    </message>
    <message>
        <source>Sending the enrolment to the chain node…</source>
        <translation>正在向链节点提交注册申请…</translation>
    </message>
    <message>
        <source>Approved: your key may now sign as {role}.</source>
        <translation>已批准：您的密钥现在可以以{role}身份签名。</translation>
    </message>
    <message>
        <source>The embedded node on this computer approves new keys automatically. A court&apos;s node waits for its operator instead.</source>
        <translation>本机内置节点会自动批准新密钥；法院的节点则须等待其管理员审批。</translation>
    </message>
    <message>
        <source>Press Finish to open your profile.</source>
        <translation>点击“完成”打开您的档案。</translation>
    </message>
    <message>
        <source>Pending: the court&apos;s operator must approve key {key_id}.</source>
        <translation>待审批：须由法院节点管理员批准密钥 {key_id}。</translation>
    </message>
    <message>
        <source>You can finish now. Until the key is approved, what you sign waits on this computer; the status bar shows when the node accepts it.</source>
        <translation>现在即可完成设置。密钥获批前，您签署的记录暂存本机；节点接受后，状态栏会显示。</translation>
    </message>
    <message>
        <source>The embedded node could not be started: {error}</source>
        <translation>无法启动内置节点：{error}</translation>
    </message>
    <message>
        <source>The profile could not be prepared: {error}</source>
        <translation>无法准备档案：{error}</translation>
    </message>
    <message>
        <source>The enrolment did not reach the chain node: {error}</source>
        <translation>注册申请未能送达链节点：{error}</translation>
    </message>
    <message>
        <source>Check the address and your network connection, then press Retry, or go Back to choose another node.</source>
        <translation>请检查节点地址和网络连接后点击“重试”，或点击“上一步”选择其他节点。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>This is a fault in the program, not something you did.</source>
        <translation>这是程序本身的故障，并非您的操作有误。</translation>
    </message>
    <message>
        <source>Something went wrong inside Judicial Chain Desk: {detail}</source>
        <translation>司法链桌面端内部出错：{detail}</translation>
    </message>
    <message>
        <source>Judicial Chain Desk</source>
        <translation>司法链桌面端</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>Attach files…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Only each file&apos;s SHA-256 fingerprint, name and size are signed; the files stay on this computer. Keep them: the fingerprint proves they are unchanged.</source>
        <translation>只对每个文件的 SHA-256 指纹、名称和大小签名，文件本身保留在本机。请妥善保存：指纹可以证明文件未被改动。</translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation>附加证据文件</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {detail}</source>
        <translation>无法读取文件 {path}：{detail}</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
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
        <translation>设置司法链桌面端</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InstalmentsModel</name>
    <message>
        <source>Instalment</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <source>Obligor</source>
        <translation>义务人</translation>
    </message>
    <message>
        <source>Obligee</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Paid so far (yuan)</source>
        <translation>已付金额（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>due by {date}</source>
        <translation>应于 {date} 前履行</translation>
    </message>
    <message>
        <source>overdue — grace until {time}</source>
        <translation>已逾期 — 宽限至 {time}</translation>
    </message>
    <message>
        <source>not performed — filed for trial {time}</source>
        <translation>未履行 — 已于 {time} 提请立案</translation>
    </message>
    <message>
        <source>not performed — enforcement requested {time}</source>
        <translation>未履行 — 已于 {time} 申请强制执行</translation>
    </message>
    <message>
        <source>not performed since {time}</source>
        <translation>自 {time} 起未履行</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}</source>
        <translation>{obligation}，第 {seq} 期</translation>
    </message>
    <message>
        <source>Due at the end of the day, China Standard Time: {time}</source>
        <translation>于北京时间当日结束前到期：{time}</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>存证人</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>上链状态</translation>
    </message>
    <message>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256：{sha}</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Choose a passphrase and type it twice.</source>
        <translation>请设置口令并输入两次。</translation>
    </message>
    <message>
        <source>The passphrase must be at least {count} characters long.</source>
        <translation>口令至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use a longer one, for example a short sentence.</source>
        <translation>该口令太容易被猜中。请使用更长的口令，例如一句短语。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>您的密钥</translation>
    </message>
    <message>
        <source>A key pair that signs your statements, kept on this computer</source>
        <translation>用于签署您的记录的密钥对，保存在本机</translation>
    </message>
    <message>
        <source>Your key is stored encrypted in the profile folder; the passphrase unlocks it each time you start the app. Nobody can recover a forgotten passphrase: you would need a new key, approved again by the court.</source>
        <translation>密钥加密保存在档案文件夹中，每次启动软件时用口令解锁。口令遗忘后任何人都无法找回：您将需要新的密钥，并由法院重新批准。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>显示口令</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>生成密钥</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>中</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Your key has been created. Its key id, which the court&apos;s operator sees when approving it:</source>
        <translation>密钥已生成。以下是密钥编号，法院节点管理员审批时会看到它：</translation>
    </message>
</context>
<context>
    <name>KeyPicker</name>
    <message>
        <source>Find by name</source>
        <translation>按姓名查找</translation>
    </message>
    <message>
        <source>Look up enrolled people</source>
        <translation>查找已注册人员</translation>
    </message>
    <message>
        <source>Ask the chain node for everyone whose enrolment it approved.</source>
        <translation>向链节点查询其批准注册的所有人员。</translation>
    </message>
    <message>
        <source>…or paste the party&apos;s verifier key</source>
        <translation>…或粘贴当事人的验证公钥</translation>
    </message>
    <message>
        <source>(no key yet: the party cannot sign)</source>
        <translation>（暂无密钥：该当事人无法签名）</translation>
    </message>
    <message>
        <source>{name} — {role}, key {key_id}</source>
        <translation>{name} — {role}，密钥 {key_id}</translation>
    </message>
    <message>
        <source>This is not a verifier key (name+hash+key).</source>
        <translation>这不是有效的验证公钥（格式为 名称+哈希+公钥）。</translation>
    </message>
    <message>
        <source>This is not a person&apos;s signing key.</source>
        <translation>这不是个人的签名密钥。</translation>
    </message>
    <message>
        <source>Asking the chain node…</source>
        <translation>正在向链节点查询…</translation>
    </message>
    <message>
        <source>The party signs with the key {key_id}.</source>
        <translation>该当事人使用密钥 {key_id} 签名。</translation>
    </message>
    <message>
        <source>Without a key the party can be named but cannot sign; add it later from the Parties tab.</source>
        <translation>没有密钥时可以列明该当事人，但其无法签名；之后可在“当事人”页添加。</translation>
    </message>
</context>
<context>
    <name>KeyRevocationDialog</name>
    <message>
        <source>Replacing your key at the chain node… (this takes a few seconds)</source>
        <translation>正在链节点更换您的密钥…（需要几秒钟）</translation>
    </message>
    <message>
        <source>Revoking your key at the chain node… (this takes a few seconds)</source>
        <translation>正在链节点吊销您的密钥…（需要几秒钟）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Your old key {old} is revoked: the chain node logged its revocation as entry #{index}. From there on the chain refuses anything signed with it; what it signed before stays valid.</source>
        <translation>您的旧密钥 {old} 已吊销：链节点已将吊销记入日志第 {index} 号记录。自此司法链拒绝用该密钥签署的任何内容；此前签署的仍然有效。</translation>
    </message>
    <message>
        <source>Your new key {new} is enrolled under the same name and role ({name}) and carries on in every case of the old one.</source>
        <translation>您的新密钥 {new} 已以相同的姓名和身份（{name}）注册，并在旧密钥参与的每个案件中承继其地位。</translation>
    </message>
    <message>
        <source>Your new key {new} was named as the successor; its enrolment under the same name ({name}) waits for the court&apos;s approval. Until then it cannot sign.</source>
        <translation>您的新密钥 {new} 已被指定为继任密钥；其以相同姓名（{name}）提出的注册申请正等待法院批准。批准前不能用它签名。</translation>
    </message>
    <message>
        <source>Your new key {new} was named as the successor, but its enrolment did not go through ({detail}). The name stays reserved for it: enrol the profile again when the chain node is reachable.</source>
        <translation>您的新密钥 {new} 已被指定为继任密钥，但其注册未能完成（{detail}）。该姓名仍为其保留：请在链节点可连接时重新注册本档案。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>No successor was named: this profile now holds a new key {new} that the chain does not know. To sign again it must be enrolled under another name, and the members of your cases must add it again.</source>
        <translation>未指定继任密钥：本档案现持有司法链尚不认识的新密钥 {new}。如需再次签名，须以其他名称注册该密钥，并由您所参与案件的成员重新添加它。</translation>
    </message>
    <message>
        <source>The old key file is kept as {path}: it still opens what it sealed. Keep it safe; never use it to sign.</source>
        <translation>旧密钥文件已保存为 {path}：仍可用它打开其加密保存的内容。请妥善保管，切勿再用它签名。</translation>
    </message>
    <message>
        <source>This desk is still running with the old key, and the chain refuses what it signs now. Close the desk and start it again, unlocking with the same passphrase: it then opens the new key.</source>
        <translation>本机的司法链桌面端仍在使用旧密钥运行，司法链将拒绝它现在签署的内容。请关闭桌面端并重新启动，用同一口令解锁，即会打开新密钥。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何更改。</translation>
    </message>
    <message>
        <source>The revocation went through, but then: {error}</source>
        <translation>吊销已完成，但随后出错：{error}</translation>
    </message>
    <message>
        <source>This profile now holds a new key. Close the desk and start it again, unlocking with the same passphrase.</source>
        <translation>本档案现已持有新密钥。请关闭桌面端并重新启动，用同一口令解锁。</translation>
    </message>
    <message>
        <source>Your key was not revoked: {error}</source>
        <translation>您的密钥未被吊销：{error}</translation>
    </message>
    <message>
        <source>Not done: the chain node has not logged a revocation, so the profile still holds your current key and this desk still signs with it.</source>
        <translation>未完成：链节点没有记录吊销，因此本档案仍持有您当前的密钥，本机仍用它签名。</translation>
    </message>
    <message>
        <source>Done: a new key was made and kept beside the old one; the next try uses it. If the revocation had been signed before this failed, it waits on the Chain page and is sent with the next sync.</source>
        <translation>已完成：新密钥已生成并与旧密钥一并保存，下次尝试时将使用它。如果吊销在出错前已经签署，它会在“上链记录”页等待，并在下次同步时发送。</translation>
    </message>
    <message>
        <source>Try again when the chain node is reachable.</source>
        <translation>请在链节点可连接时重试。</translation>
    </message>
    <message>
        <source>Replace my key</source>
        <translation>更换我的密钥</translation>
    </message>
    <message>
        <source>Revoke my key</source>
        <translation>吊销我的密钥</translation>
    </message>
    <message>
        <source>Revoke or replace my key</source>
        <translation>吊销或更换我的密钥</translation>
    </message>
    <message>
        <source>Electronic Signature Law Art. 15: if you know, or should know, that your key may be in someone else&apos;s hands, stop using it and tell the parties. Revoking it at the chain node does both: from the node&apos;s revocation on, the chain refuses anything signed with it, and everyone who checks an entry sees when the key was revoked. Statements you signed before stay valid. This cannot be undone.</source>
        <translation>《电子签名法》第十五条：电子签名人知悉或者应当知悉其密钥可能已被他人掌握的，应当终止使用并告知有关各方。在链节点吊销密钥可同时做到这两点：自节点吊销之时起，司法链拒绝用该密钥签署的任何内容，任何核验记录的人都能看到该密钥的吊销时间。您此前签署的记录仍然有效。此操作不可撤销。</translation>
    </message>
    <message>
        <source>Replace my key: a new key under the same name</source>
        <translation>更换密钥：以相同姓名启用新密钥</translation>
    </message>
    <message>
        <source>A new key is made and named as the old one&apos;s successor; it is enrolled under your name and role ({name}) and carries on in every case of the old key. For a new computer, or a key you fear was seen but is still in your hands.</source>
        <translation>生成新密钥并指定为旧密钥的继任密钥；新密钥以您的姓名和身份（{name}）注册，并在旧密钥参与的每个案件中承继其地位。适用于更换电脑，或担心密钥已被他人看到但仍在您掌握之中的情形。</translation>
    </message>
    <message>
        <source>Revoke only: the key may have been stolen</source>
        <translation>仅吊销：密钥可能已被盗</translation>
    </message>
    <message>
        <source>This desk can no longer sign with your key, and no successor is named. A new key is made for this profile, but it inherits nothing: it must be enrolled under another name, and the members of your cases add it again.</source>
        <translation>本机将不能再用您的密钥签名，且不指定继任密钥。系统会为本档案生成新密钥，但它不承继任何内容：须以其他名称注册，并由您所参与案件的成员重新添加。</translation>
    </message>
    <message>
        <source>Reason (public):</source>
        <translation>理由（公开）：</translation>
    </message>
    <message>
        <source>for example: new computer; laptop stolen</source>
        <translation>例如：更换电脑；笔记本电脑被盗</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>the passphrase that unlocks your key</source>
        <translation>用于解锁您密钥的口令</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close the desk now</source>
        <translation>立即关闭桌面端</translation>
    </message>
</context>
<context>
    <name>LedgerError</name>
    <message>
        <source>Refused by rule {rule}: {reason}</source>
        <translation>依据规则 {rule} 拒绝：{reason}</translation>
    </message>
    <message>
        <source>No rule of this chain covers statements of type {type}, so none is accepted.</source>
        <translation>本链没有任何规则适用于类型为 {type} 的陈述，因此一概不予接受。</translation>
    </message>
    <message>
        <source>The ledger reported an error: {detail}</source>
        <translation>账本报告错误：{detail}</translation>
    </message>
    <message>
        <source>The statement is not valid canonical JSON: {detail}</source>
        <translation>该记录不是有效的规范化 JSON：{detail}</translation>
    </message>
    <message>
        <source>The key file cannot be used: {detail}</source>
        <translation>密钥文件无法使用：{detail}</translation>
    </message>
    <message>
        <source>Wrong passphrase: the key in {path} could not be unlocked. Check the passphrase and try again.</source>
        <translation>口令错误：无法解锁 {path} 中的密钥。请检查口令后重试。</translation>
    </message>
    <message>
        <source>The signed note is malformed: {detail}</source>
        <translation>签名文本格式有误：{detail}</translation>
    </message>
    <message>
        <source>A signature does not verify: {detail}</source>
        <translation>签名验证未通过：{detail}</translation>
    </message>
    <message>
        <source>The statement is not valid: {detail}</source>
        <translation>该记录无效：{detail}</translation>
    </message>
    <message>
        <source>The checkpoint is not valid: {detail}</source>
        <translation>检查点无效：{detail}</translation>
    </message>
    <message>
        <source>The receipt does not verify: {detail}</source>
        <translation>回执验证未通过：{detail}</translation>
    </message>
    <message>
        <source>The local database cannot be used: {detail}</source>
        <translation>本地数据库无法使用：{detail}</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Judicial Chain Desk (schema revision {revision}). Install the newer version to open it; nothing was changed.</source>
        <translation>该数据库由更新版本的司法链桌面端写入（结构版本 {revision}）。请安装新版本后再打开；数据未作任何改动。</translation>
    </message>
    <message>
        <source>Personal data must not go on the chain in clear: a text holds what looks like an identity, phone or account number. Keep it in the case file; the statement carries only its salted hash (PIPL Art. 51; SPC Opinions item 31).</source>
        <translation>个人信息不得明文上链：文本中含有疑似身份证号、电话号码或账号的内容。请将其保存在案卷中，记录只携带其加盐哈希（《个人信息保护法》第51条；《最高人民法院关于加强区块链司法应用的意见》第31条）。</translation>
    </message>
    <message>
        <source>The profile&apos;s data key cannot be used: {detail}</source>
        <translation>无法使用此档案的数据密钥：{detail}</translation>
    </message>
    <message>
        <source>The private details of case {case} cannot be decrypted: they were altered, or were written under another profile&apos;s data key. Nothing was changed.</source>
        <translation>无法解密案件 {case} 的当事人个人信息：数据已被篡改，或是用其他档案的数据密钥写入的。未作任何更改。</translation>
    </message>
    <message>
        <source>The chain node refused: {detail}</source>
        <translation>链节点拒绝：{detail}</translation>
    </message>
    <message>
        <source>The chain node answered {code}: {detail}</source>
        <translation>链节点返回 {code}：{detail}</translation>
    </message>
    <message>
        <source>The chain node at {url} cannot be reached ({detail}). Your signed entries are kept on this computer and will be sent when it is back.</source>
        <translation>无法连接位于 {url} 的链节点（{detail}）。您已签名的记录保存在本机，待节点恢复后将自动发送。</translation>
    </message>
    <message>
        <source>The node at {url} presents other keys than the ones this desktop pinned for log {origin}. Nothing was sent. Check with the court before trusting it.</source>
        <translation>位于 {url} 的节点出示的公钥与本机为日志 {origin} 锁定的公钥不同。未发送任何内容。请先向法院核实，再决定是否信任该节点。</translation>
    </message>
    <message>
        <source>ALARM ({kind}): the chain node&apos;s log is not consistent with what this desktop verified before. {detail} Both checkpoints are kept as evidence; syncing has stopped.</source>
        <translation>警报（{kind}）：链节点的日志与本机此前已验证的记录不一致。{detail} 两个检查点均已作为证据保存；同步已停止。</translation>
    </message>
    <message>
        <source>The profile backup failed: {detail}</source>
        <translation>档案备份失败：{detail}</translation>
    </message>
    <message>
        <source>Wrong passphrase: the backup {path} could not be opened. Type the passphrase the profile had when it was backed up.</source>
        <translation>口令错误：无法打开备份 {path}。请输入该档案备份时所用的口令。</translation>
    </message>
    <message>
        <source>{path} is not a Judicial Chain Desk backup, or it is damaged: {detail}. Nothing was restored.</source>
        <translation>{path} 不是司法链桌面端的备份，或已损坏：{detail}。未恢复任何内容。</translation>
    </message>
    <message>
        <source>The profile {profile} already holds data. Restore into a new profile, or confirm that it should be replaced.</source>
        <translation>档案 {profile} 中已有数据。请恢复到新档案，或确认要替换它。</translation>
    </message>
    <message>
        <source>The key could not be revoked: {detail}</source>
        <translation>未能吊销密钥：{detail}</translation>
    </message>
    <message>
        <source>This profile has not reached its chain node yet, so it does not know which log to sign for. Connect once (the status bar shows the node), then try again.</source>
        <translation>本档案尚未连接过链节点，因此还不知道应为哪个日志签名。请先连接一次（状态栏会显示节点），然后重试。</translation>
    </message>
    <message>
        <source>Entry #{index} was signed with a key revoked at entry #{revoked}; the chain node refuses every entry of a revoked key from its revocation on, so this one should never have been logged</source>
        <translation>第 {index} 号记录是用已于第 {revoked} 号记录吊销的密钥签署的；链节点自吊销时起拒绝该密钥签署的每一条记录，因此这条记录本不应被记入日志</translation>
    </message>
    <message>
        <source>This desktop has not pinned the chain&apos;s log and witness keys yet, so it cannot check receipts. Connect to the chain node once (the status bar shows it), then try again.</source>
        <translation>本机尚未锁定该链的日志公钥和见证公钥，因此无法核验回执。请先连接一次链节点（状态栏会显示），然后重试。</translation>
    </message>
    <message>
        <source>The evidence file cannot be used: {detail}</source>
        <translation>该证据文件无法使用：{detail}</translation>
    </message>
    <message>
        <source>The evidence file {name} was not sealed for this key, so it cannot be opened here. Ask the creditor who uploaded it to share it with you.</source>
        <translation>证据文件 {name} 未针对本密钥加密，因此无法在本机打开。请联系上传该文件的债权人与您共享。</translation>
    </message>
    <message>
        <source>The evidence file {name} was altered, cut short or belongs to another case or file: its encryption does not check. It is not shown.</source>
        <translation>证据文件 {name} 已被改动、不完整，或属于其他案件或文件：其加密校验未通过，不予显示。</translation>
    </message>
    <message>
        <source>The evidence file {name} does not match the SHA-256 the creditor signed in the declaration ({declared}; the file is {actual}). It is not shown: the evidence submitted with a claim must be the evidence declared (Enterprise Bankruptcy Law Art. 49).</source>
        <translation>证据文件 {name} 与债权人在申报中签名的 SHA-256 不符（申报为 {declared}，该文件为 {actual}），不予显示：申报债权时提交的证据须与申报所列证据一致（《企业破产法》第49条）。</translation>
    </message>
    <message>
        <source>Personal data can be stored and read only in a profile unlocked with its passphrase.</source>
        <translation>只有用口令解锁的档案才能保存和读取个人信息。</translation>
    </message>
    <message>
        <source>Claim table version {version} recomputed on this desktop does not match the one the administrator published ({what}); it is not printed (Enterprise Bankruptcy Law Art. 57). Check the case on the Verify page.</source>
        <translation>本机重新计算的第 {version} 版债权表与管理人公布的不一致（{what}），因此不予打印（《企业破产法》第57条）。请在“核验”页检查本案。</translation>
    </message>
    <message>
        <source>The document was cancelled.</source>
        <translation>文书制作已取消。</translation>
    </message>
</context>
<context>
    <name>LegalPeriod</name>
    <message>
        <source>The holiday calendar does not cover {year} yet; weekends only are counted as rest days (Civil Code Art. 203).</source>
        <translation>节假日日历尚未涵盖 {year} 年，暂仅将周末计为休息日（《民法典》第203条）。</translation>
    </message>
    <message>
        <source>The last day, {moved_from}, is a rest day; the period ends on the next working day, {last_day} (Civil Code Art. 203; Civil Procedure Law Art. 85).</source>
        <translation>期间的最后一日 {moved_from} 是休息日，以其次日的工作日 {last_day} 为期间的最后一日（《民法典》第203条；《民事诉讼法》第85条）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About Judicial Chain Desk</source>
        <translation>关于司法链桌面端</translation>
    </message>
    <message>
        <source>Judicial Chain Desk records mediation and bankruptcy proceedings as signed statements on a judicial chain node, with receipts anyone can verify offline.</source>
        <translation>司法链桌面端将调解和破产程序中的每项操作作为签名记录存证于司法链节点，并提供任何人都可离线核验的回执。</translation>
    </message>
    <message>
        <source>Judicial Chain Desk — {name} ({role}, profile {profile})</source>
        <translation>司法链桌面端 — {name}（{role}，档案 {profile}）</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Bankruptcy</source>
        <translation>破产</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>上链记录</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>桌面(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Back Up Profile…</source>
        <translation>备份档案(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a Backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Judicial Chain Desk</source>
        <translation>关于司法链桌面端(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Mediation</name>
    <message>
        <source>CPL Interpretation Art. 355(4): the matter belongs to a special, public-notice or bankruptcy procedure; a court will not accept it for judicial confirmation.</source>
        <translation>《民诉法解释》第355条第4项：该事项属于特别程序、公示催告程序或破产程序，法院不予受理司法确认申请。</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(5): the agreement confirms ownership of property (物权确权); a court will not accept it for judicial confirmation.</source>
        <translation>《民诉法解释》第355条第5项：该协议涉及物权确权，法院不予受理司法确认申请。</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(5): the agreement confirms ownership of intellectual property (知识产权确权); a court will not accept it for judicial confirmation.</source>
        <translation>《民诉法解释》第355条第5项：该协议涉及知识产权确权，法院不予受理司法确认申请。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write the main facts of the dispute.</source>
        <translation>《人民调解法》第29条第2项：请写明纠纷的主要事实。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write the disputed matters.</source>
        <translation>《人民调解法》第29条第2项：请写明争议事项。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(2): write each party&apos;s responsibility.</source>
        <translation>《人民调解法》第29条第2项：请写明各方当事人的责任。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(3): write what the parties agreed.</source>
        <translation>《人民调解法》第29条第3项：请写明当事人达成调解协议的内容。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(1): name at least two parties.</source>
        <translation>《人民调解法》第29条第1项：请列明至少两方当事人。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(1): {parties} not a party to this case.</source>
        <translation>《人民调解法》第29条第1项：{parties} 不是本案当事人。</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 355(3): the agreement asks to confirm a personal-status relation (marriage, parent-child, adoption) as valid, invalid or dissolved; a court will not accept that for judicial confirmation. Agreements on support, upbringing costs or property between spouses or family members remain confirmable.</source>
        <translation>《民诉法解释》第355条第3项：该协议请求确认婚姻、亲子、收养等身份关系有效、无效或者解除，法院不予受理司法确认申请。夫妻或家庭成员之间关于扶养、抚养费或财产的协议仍可申请司法确认。</translation>
    </message>
    <message>
        <source>People&apos;s Mediation Law Art. 29(3): state at least one obligation, with its manner and time limit of performance.</source>
        <translation>《人民调解法》第29条第3项：请至少写明一项义务，及其履行方式和期限。</translation>
    </message>
    <message>
        <source>Obligation {n}: it needs its own identifier.</source>
        <translation>第 {n} 项义务：需要有自己的编号。</translation>
    </message>
    <message>
        <source>Obligation {n}: the obligor and the obligee must both be parties to the agreement.</source>
        <translation>第 {n} 项义务：义务人和权利人都必须是本协议的当事人。</translation>
    </message>
    <message>
        <source>Obligation {n}: the amount must be a whole number of fen (0 for a non-monetary obligation).</source>
        <translation>第 {n} 项义务：金额须为整数分（非金钱义务填 0）。</translation>
    </message>
    <message>
        <source>Obligation {n}: state the manner of performance (e.g. bank transfer).</source>
        <translation>第 {n} 项义务：请写明履行方式（如银行转账）。</translation>
    </message>
    <message>
        <source>Obligation {n}: set the deadline for performance.</source>
        <translation>第 {n} 项义务：请设定履行期限。</translation>
    </message>
    <message>
        <source>Obligation {n}: the grace period is a whole number of days from 0 to 365.</source>
        <translation>第 {n} 项义务：宽限期须为 0 至 365 之间的整数天。</translation>
    </message>
    <message>
        <source>Obligation {n}: the obligor and the obligee must be different parties.</source>
        <translation>第 {n} 项义务：义务人和权利人必须是不同的当事人。</translation>
    </message>
    <message>
        <source>Obligation {n}: instalments are numbered 1, 2, 3 … with deadlines in order, each later than the one before.</source>
        <translation>第 {n} 项义务：分期应依次编号为 1、2、3……，各期履行期限依次在后。</translation>
    </message>
    <message>
        <source>CPL Interpretation Art. 358(5): obligation {n} is not clear enough (manner or deadline missing); a court would dismiss the application.</source>
        <translation>《民诉法解释》第358条第5项：第 {n} 项义务内容不明确（缺少履行方式或期限），法院将驳回申请。</translation>
    </message>
    <message>
        <source>Obligation {n}: every instalment needs an amount in fen and a deadline.</source>
        <translation>第 {n} 项义务：每一期都需要以分计的金额和履行期限。</translation>
    </message>
    <message>
        <source>Obligation {n}: the instalments add up to {total} fen, not the {amount} fen owed.</source>
        <translation>第 {n} 项义务：各期合计 {total} 分，与应付的 {amount} 分不符。</translation>
    </message>
    <message>
        <source>A {type} statement has no field {fields}: nothing else goes on the chain.</source>
        <translation>{type} 记录没有 {fields} 字段：规定字段以外的内容一律不上链。</translation>
    </message>
    <message>
        <source>The members a statement adds are a list of verifier keys.</source>
        <translation>记录所添加的案件成员须为验证公钥列表。</translation>
    </message>
    <message>
        <source>A statement of performance names the agreement and the obligation (PML Art. 31).</source>
        <translation>履行情况记录须写明所涉协议和义务（《人民调解法》第31条）。</translation>
    </message>
    <message>
        <source>The agreement&apos;s text is not in the form its items take: the parties by identifier, each item as text, each obligation with its amount in fen and its deadline (PML Art. 29).</source>
        <translation>协议文本不符合其各项内容应有的格式：当事人以编号列明，每项内容为文本，每项义务写明以分计的金额和履行期限（《人民调解法》第29条）。</translation>
    </message>
    <message>
        <source>A proposal names the agreement, its version and its text.</source>
        <translation>提出协议须写明协议、版本及其文本。</translation>
    </message>
    <message>
        <source>A signature names the agreement, the version signed and its content hash.</source>
        <translation>签名须写明协议、所签署的版本及其内容哈希。</translation>
    </message>
    <message>
        <source>An application for judicial confirmation names the agreement and the court (PML Art. 33; CPL Art. 205).</source>
        <translation>司法确认申请须写明调解协议和受理法院（《人民调解法》第33条；《民事诉讼法》第205条）。</translation>
    </message>
    <message>
        <source>A filing names the agreement, the obligation, the instalment missed and who files it (SPC Opinions item 14).</source>
        <translation>提请立案须写明协议、义务、未履行的期次以及提请人（《最高人民法院关于加强区块链司法应用的意见》第14条）。</translation>
    </message>
    <message>
        <source>Consent to automatic filing is given or not, yes or no; nothing else is read as consent (SPC Opinions item 14).</source>
        <translation>是否同意自动立案只能为是或否，其他任何内容均不视为同意（《最高人民法院关于加强区块链司法应用的意见》第14条）。</translation>
    </message>
    <message>
        <source>Each party signs with a key of their own, not another party&apos;s or the mediator&apos;s (Electronic Signature Law Art. 13: signature creation data exclusively the signer&apos;s).</source>
        <translation>各方当事人须使用本人专有的密钥签名，不得使用其他当事人或调解员的密钥（《电子签名法》第十三条：电子签名制作数据专属于电子签名人）。</translation>
    </message>
    <message>
        <source>A party must be described as an object.</source>
        <translation>当事人信息须为结构化对象。</translation>
    </message>
    <message>
        <source>A party needs an identifier.</source>
        <translation>当事人需要编号。</translation>
    </message>
    <message>
        <source>A party&apos;s role is applicant, respondent or third party, and it is a person or an organisation (online mediation rules Art. 8).</source>
        <translation>当事人的地位须为申请人、被申请人或第三人，类型须为自然人或组织（《人民法院在线调解规则》第8条）。</translation>
    </message>
    <message>
        <source>A party needs a name (PML Art. 29(1)).</source>
        <translation>当事人需要姓名或名称（《人民调解法》第29条第1项）。</translation>
    </message>
    <message>
        <source>The identity document type is resident ID, passport or credit code.</source>
        <translation>身份证件类型应为居民身份证、护照或统一社会信用代码。</translation>
    </message>
    <message>
        <source>An identity hash is 64 lowercase hex digits.</source>
        <translation>身份哈希须为 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>A party carries only id, role, kind, name, key, id_type, id_hash and agent: other personal data stays off the chain.</source>
        <translation>当事人信息只包含 id、role、kind、name、key、id_type、id_hash 和 agent，其他个人信息不上链。</translation>
    </message>
    <message>
        <source>The agreement has no such obligation.</source>
        <translation>协议中没有这项义务。</translation>
    </message>
    <message>
        <source>Only the obligee disputes the obligor&apos;s report of performance. Either party may take a dispute over performance or over the agreement to court (PML Art. 32).</source>
        <translation>只有权利人可以对义务人报告的履行情况提出异议。对履行或者调解协议内容发生争议的，任何一方当事人均可向人民法院提起诉讼（《人民调解法》第32条）。</translation>
    </message>
    <message>
        <source>The case has not been opened: a mediator opens it first (PML Art. 17).</source>
        <translation>案件尚未受理：须先由调解员受理（《人民调解法》第17条）。</translation>
    </message>
    <message>
        <source>The case was closed on {time}; nothing more can be added (PML Art. 26).</source>
        <translation>案件已于 {time} 终结，不能再添加任何内容（《人民调解法》第26条）。</translation>
    </message>
    <message>
        <source>Only the case&apos;s mediator may do this (PML Art. 27: the mediator keeps the records).</source>
        <translation>只有本案调解员可以进行此操作（《人民调解法》第27条：由调解员制作调解笔录）。</translation>
    </message>
    <message>
        <source>This case is already open.</source>
        <translation>该案件已经受理。</translation>
    </message>
    <message>
        <source>Two parties share one identifier.</source>
        <translation>有两方当事人使用了同一编号。</translation>
    </message>
    <message>
        <source>An automatic filing is made by the chain&apos;s contract rule alone, with the amounts the rule computes (SPC Opinions item 14).</source>
        <translation>自动立案或申请执行只能由司法链智能合约规则按其计算的金额提起（《最高人民法院关于加强区块链司法应用的意见》第（十四）项）。</translation>
    </message>
    <message>
        <source>A disclosure states whether there is a conflict of interest and explains it (online mediation rules Art. 13).</source>
        <translation>披露须说明是否存在利益冲突并作出解释（《人民法院在线调解规则》第13条）。</translation>
    </message>
    <message>
        <source>A case needs a case number.</source>
        <translation>案件须有案号。</translation>
    </message>
    <message>
        <source>A session record needs a new session id.</source>
        <translation>调解笔录需要一个新的场次编号。</translation>
    </message>
    <message>
        <source>The session ends before it starts.</source>
        <translation>调解结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>A session record lists who took part (PML Art. 27).</source>
        <translation>调解笔录须列明参加人员（《人民调解法》第27条）。</translation>
    </message>
    <message>
        <source>This agreement is already in effect and binding (PML Art. 31); it cannot be changed. Disputes over it go to court (PML Art. 32).</source>
        <translation>该调解协议已经生效并具有约束力（《人民调解法》第31条），不能再修改。对其发生争议的，可向人民法院提起诉讼（《人民调解法》第32条）。</translation>
    </message>
    <message>
        <source>The next version of this agreement is {n}.</source>
        <translation>该协议的下一个版本是第 {n} 版。</translation>
    </message>
    <message>
        <source>The agreement&apos;s content hash does not match its content.</source>
        <translation>协议的内容哈希与内容不符。</translation>
    </message>
    <message>
        <source>The agreement is incomplete: {items}</source>
        <translation>协议内容不完整：{items}</translation>
    </message>
    <message>
        <source>{names} cannot sign yet: each party signs with their own key (online mediation rules Art. 19). Add their key to the case first.</source>
        <translation>{names} 暂时无法签名：每方当事人须使用本人的密钥签名（《人民法院在线调解规则》第19条）。请先为其在案件中添加密钥。</translation>
    </message>
    <message>
        <source>A case whose agreement is in effect is not closed as failed (PML Art. 26 is for mediation that did not succeed): the agreement binds the parties and its performance continues (PML Art. 31).</source>
        <translation>调解协议已生效的案件不得以调解不成终止（《人民调解法》第二十六条适用于调解不成的情形）：协议对当事人具有约束力，应继续履行（《人民调解法》第三十一条）。</translation>
    </message>
    <message>
        <source>Closing a case states why, and the parties are told of their other remedies (PML Art. 26).</source>
        <translation>终结案件须说明理由，并告知当事人其他救济途径（《人民调解法》第26条）。</translation>
    </message>
    <message>
        <source>There is no such session record.</source>
        <translation>没有这份调解笔录。</translation>
    </message>
    <message>
        <source>A mediation case needs at least two parties: mediation helps the parties reach an agreement among themselves (PML Art. 2).</source>
        <translation>调解案件至少需要两方当事人：人民调解是促使当事人在平等协商基础上自愿达成调解协议（《人民调解法》第2条）。</translation>
    </message>
    <message>
        <source>A party&apos;s key cannot be replaced in a case once given. A party who knows their key may be compromised stops using it and tells the parties concerned at once (Electronic Signature Law Art. 15).</source>
        <translation>当事人的密钥一经在案件中登记，不得替换。当事人知悉其密钥可能已经失密的，应当终止使用并及时告知有关各方（《电子签名法》第十五条）。</translation>
    </message>
    <message>
        <source>Only a party acknowledges a session record, with their own key.</source>
        <translation>只有当事人可以用本人的密钥确认调解笔录。</translation>
    </message>
    <message>
        <source>There is no such agreement to sign.</source>
        <translation>没有可签署的该协议。</translation>
    </message>
    <message>
        <source>Version {v} is no longer the one proposed: the agreement changed, so earlier signatures no longer count. Sign version {latest} (online mediation rules Art. 19).</source>
        <translation>第 {v} 版已不是当前提出的版本：协议已修改，此前的签名不再有效。请签署第 {latest} 版（《人民法院在线调解规则》第19条）。</translation>
    </message>
    <message>
        <source>Only the parties named in the agreement and the mediator sign it (PML Art. 29).</source>
        <translation>只有协议列明的当事人和调解员可以签署（《人民调解法》第29条）。</translation>
    </message>
    <message>
        <source>You have already signed this version.</source>
        <translation>您已签署过此版本。</translation>
    </message>
    <message>
        <source>The agreement is not in effect yet: every party and the mediator must sign it first (online mediation rules Art. 19).</source>
        <translation>协议尚未生效：须各方当事人和调解员全部签署（《人民法院在线调解规则》第19条）。</translation>
    </message>
    <message>
        <source>Only the obligee confirms that an obligation was performed (PML Art. 31: the committee supervises performance).</source>
        <translation>只有权利人可以确认义务已履行（《人民调解法》第31条：由调解委员会监督履行）。</translation>
    </message>
    <message>
        <source>A confirmed amount is a positive number of fen.</source>
        <translation>确认的金额须为正整数分。</translation>
    </message>
    <message>
        <source>A reported amount is a whole number of fen.</source>
        <translation>报告的金额应为整数（以分计）。</translation>
    </message>
    <message>
        <source>Only the obligor reports their own performance.</source>
        <translation>只有义务人可以报告本人的履行情况。</translation>
    </message>
    <message>
        <source>Judicial confirmation is applied for by the parties jointly (PML Art. 33; CPL Art. 205).</source>
        <translation>司法确认须由双方当事人共同申请（《人民调解法》第33条；《民事诉讼法》第205条）。</translation>
    </message>
    <message>
        <source>Only the court rules on judicial confirmation (CPL Art. 206); a party or the mediator cannot.</source>
        <translation>司法确认只能由人民法院裁定（《民事诉讼法》第二百零六条），当事人或调解员不能作出。</translation>
    </message>
    <message>
        <source>A ruling names the court, the agreement version in effect and whether it is valid (CPL Art. 206).</source>
        <translation>裁定应载明法院、所确认的已生效协议版本以及协议是否有效（《民事诉讼法》第二百零六条）。</translation>
    </message>
    <message>
        <source>Enforcement for this instalment was already requested on {time}.</source>
        <translation>该期已于 {time} 申请强制执行。</translation>
    </message>
    <message>
        <source>There is no missed deadline for this obligation at {time}: enforcement can be requested only after non-performance (SPC Opinions item 14).</source>
        <translation>截至 {time}，该义务没有逾期：只有在未履行后才能申请强制执行（《最高人民法院关于加强区块链司法应用的意见》第14条）。</translation>
    </message>
    <message>
        <source>Only the obligee applies for enforcement, unless every party consented in the agreement to automatic filing (SPC Opinions item 14).</source>
        <translation>只有权利人可以申请强制执行，除非各方当事人已在协议中同意自动立案（《最高人民法院关于加强区块链司法应用的意见》第14条）。</translation>
    </message>
    <message>
        <source>Opening a case needs the dispute type, a summary, the mediation organisation and the mediator&apos;s name (online mediation rules Art. 8).</source>
        <translation>受理案件须写明纠纷类型、案情摘要、调解组织和调解员姓名（《人民法院在线调解规则》第8条）。</translation>
    </message>
    <message>
        <source>A session record needs its start and end time (PML Art. 27).</source>
        <translation>调解笔录须写明开始和结束时间（《人民调解法》第27条）。</translation>
    </message>
    <message>
        <source>Each recorded statement names a party of the case and whether it is a concession (online mediation rules Art. 18).</source>
        <translation>记录的每项陈述须指明是本案哪一方当事人所述，以及是否属于让步（《人民法院在线调解规则》第18条）。</translation>
    </message>
</context>
<context>
    <name>MediationWords</name>
    <message>
        <source>In mediation</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签署中</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Filed with the court</source>
        <translation>已向法院提请</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已终结</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>案件受理</translation>
    </message>
    <message>
        <source>Party added</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>Conflict-of-interest disclosure</source>
        <translation>利益冲突披露</translation>
    </message>
    <message>
        <source>Session recorded</source>
        <translation>制作调解笔录</translation>
    </message>
    <message>
        <source>Session record acknowledged</source>
        <translation>确认调解笔录</translation>
    </message>
    <message>
        <source>Agreement proposed</source>
        <translation>提出调解协议</translation>
    </message>
    <message>
        <source>Agreement signed</source>
        <translation>签署调解协议</translation>
    </message>
    <message>
        <source>Performance reported</source>
        <translation>报告履行情况</translation>
    </message>
    <message>
        <source>Payment confirmed</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Performance disputed</source>
        <translation>对履行提出异议</translation>
    </message>
    <message>
        <source>Judicial confirmation applied for</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>案件终结</translation>
    </message>
    <message>
        <source>Document registered</source>
        <translation>文书存证</translation>
    </message>
    <message>
        <source>Evidence deposited</source>
        <translation>证据存证</translation>
    </message>
    <message>
        <source>Confirming a marriage, parent-child or adoption relation as valid, invalid or dissolved</source>
        <translation>确认婚姻、亲子、收养关系有效、无效或者解除</translation>
    </message>
    <message>
        <source>A special, public-notice or bankruptcy procedure</source>
        <translation>特别程序、公示催告程序或破产程序</translation>
    </message>
    <message>
        <source>Confirming ownership of property</source>
        <translation>物权确权</translation>
    </message>
    <message>
        <source>Confirming ownership of intellectual property</source>
        <translation>知识产权确权</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>链节点</translation>
    </message>
    <message>
        <source>Contract rule</source>
        <translation>合约规则</translation>
    </message>
</context>
<context>
    <name>ModulePlaceholderPage</name>
    <message>
        <source>Case ids of this module found in the local log:</source>
        <translation>本地日志中属于本模块的案件编号：</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>{case}: {count} entries, latest signed {when}</source>
        <translation>{case}：{count} 条记录，最近签名于 {when}</translation>
    </message>
    <message>
        <source>(public)</source>
        <translation>（公开）</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>e.g. 60,000.00</source>
        <translation>例如 60,000.00</translation>
    </message>
    <message>
        <source>Write the amount in yuan with digits, e.g. 60,000.50.</source>
        <translation>请用数字填写以元为单位的金额，例如 60,000.50。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>At most two decimals: the fen is the smallest unit.</source>
        <translation>最多两位小数：最小单位为分。</translation>
    </message>
    <message>
        <source>Thousands separators go every three digits: 60,000.50.</source>
        <translation>千位分隔符应每三位一个：60,000.50。</translation>
    </message>
    <message>
        <source>This amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Read as {amount} yuan.</source>
        <translation>已识别为 {amount} 元。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New mediation case</source>
        <translation>新建调解案件</translation>
    </message>
    <message>
        <source>Private lending dispute</source>
        <translation>民间借贷纠纷</translation>
    </message>
    <message>
        <source>Neighbourhood dispute</source>
        <translation>相邻关系纠纷</translation>
    </message>
    <message>
        <source>Property management dispute</source>
        <translation>物业服务合同纠纷</translation>
    </message>
    <message>
        <source>Labour remuneration dispute</source>
        <translation>劳务报酬纠纷</translation>
    </message>
    <message>
        <source>Consumer dispute</source>
        <translation>消费纠纷</translation>
    </message>
    <message>
        <source>Traffic accident compensation dispute</source>
        <translation>交通事故损害赔偿纠纷</translation>
    </message>
    <message>
        <source>Sales contract dispute</source>
        <translation>买卖合同纠纷</translation>
    </message>
    <message>
        <source>Choose or type the dispute type</source>
        <translation>选择或输入纠纷类型</translation>
    </message>
    <message>
        <source>What the dispute is about, in a few sentences</source>
        <translation>用几句话概述纠纷内容</translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>案情摘要：</translation>
    </message>
    <message>
        <source>Mediation organisation:</source>
        <translation>调解组织：</translation>
    </message>
    <message>
        <source>Mediator:</source>
        <translation>调解员：</translation>
    </message>
    <message>
        <source>Parties (at least two):</source>
        <translation>当事人（至少两方）：</translation>
    </message>
    <message>
        <source>Add party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Sign and open the case</source>
        <translation>签名并受理案件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NodePage</name>
    <message>
        <source>Chain node</source>
        <translation>链节点</translation>
    </message>
    <message>
        <source>Where your signed statements are recorded</source>
        <translation>您签署的记录将在此上链</translation>
    </message>
    <message>
        <source>A court runs a judicial chain node for its cases and tells you its address. Until then, the embedded node keeps your records on this computer.</source>
        <translation>法院为其案件运行司法链节点，并会告知您节点地址。在此之前，由本机内置节点保存您的记录。</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Object to claim {claim}</source>
        <translation>对债权 {claim} 提出异议</translation>
    </message>
    <message>
        <source>Object to the row of claim {claim} in claim table version {table}, with your reasons and their legal basis (Enterprise Bankruptcy Law Art. 58; Interpretation III Art. 8). The administrator answers; if the answer does not satisfy you, you may sue.</source>
        <translation>对第 {table} 版债权表中债权 {claim} 一项提出异议，并说明理由和法律依据（《企业破产法》第58条；《企业破产法司法解释（三）》第8条）。管理人将作出答复；对答复仍不服的，可以向人民法院提起债权确认诉讼。</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
</context>
<context>
    <name>ObligationDialog</name>
    <message>
        <source>Obligation {id}</source>
        <translation>义务 {id}</translation>
    </message>
    <message>
        <source>Obligor (who performs):</source>
        <translation>义务人（履行方）：</translation>
    </message>
    <message>
        <source>Obligee (who receives):</source>
        <translation>权利人（接受方）：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Manner of performance:</source>
        <translation>履行方式：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>履行期限：</translation>
    </message>
    <message>
        <source>Grace period (days):</source>
        <translation>宽限期（天）：</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Return of goods</source>
        <translation>返还财物</translation>
    </message>
    <message>
        <source>Days after the deadline before non-performance counts as a default (written into the agreement).</source>
        <translation>履行期限届满后经过多少天仍未履行即视为违约（写入调解协议）。</translation>
    </message>
    <message>
        <source>Paid in instalments</source>
        <translation>分期履行</translation>
    </message>
    <message>
        <source>Add instalment</source>
        <translation>添加一期</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The obligor and the obligee must be different parties.</source>
        <translation>义务人和权利人必须是不同的当事人。</translation>
    </message>
    <message>
        <source>Write the amount in yuan (0 for a non-monetary obligation).</source>
        <translation>请填写以元为单位的金额（非金钱义务填 0）。</translation>
    </message>
    <message>
        <source>State the manner of performance.</source>
        <translation>请写明履行方式。</translation>
    </message>
    <message>
        <source>Add the instalments, or untick “Paid in instalments”.</source>
        <translation>请添加各期，或取消勾选“分期履行”。</translation>
    </message>
    <message>
        <source>The instalments add up to {total} yuan, not {amount} yuan.</source>
        <translation>各期合计 {total} 元，与 {amount} 元不符。</translation>
    </message>
    <message>
        <source>Instalments so far: {total} yuan</source>
        <translation>目前各期合计：{total} 元</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Obligor</source>
        <translation>义务人</translation>
    </message>
    <message>
        <source>Obligee</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Manner</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Grace days</source>
        <translation>宽限天数</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{amount} by {deadline}</source>
        <translation>{deadline} 前履行 {amount}</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Local #</source>
        <translation>本地序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>上链状态</translation>
    </message>
    <message>
        <source>Chain index</source>
        <translation>链上序号</translation>
    </message>
    <message>
        <source>On-chain time</source>
        <translation>上链时间</translation>
    </message>
    <message>
        <source>Reason (rejected)</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Signed on this computer; not yet accepted by the node.</source>
        <translation>已在本机签名，节点尚未接收。</translation>
    </message>
    <message>
        <source>The node sequenced it at index {index}; waiting for a verified receipt.</source>
        <translation>节点已将其排入序号 {index}，正在等待经验证的回执。</translation>
    </message>
    <message>
        <source>Its receipt verified: the log includes it at index {index}.</source>
        <translation>回执已验证：日志在序号 {index} 处收录了该记录。</translation>
    </message>
    <message>
        <source>The node refused it: {reason}. It stays in the local log as a signed record.</source>
        <translation>节点拒绝了该记录：{reason}。它仍作为已签名记录保留在本地日志中。</translation>
    </message>
    <message>
        <source>(public)</source>
        <translation>（公开）</translation>
    </message>
</context>
<context>
    <name>PartiesInputModel</name>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>诉讼地位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>诉讼地位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <source>Contact (this computer only)</source>
        <translation>联系方式（仅存本机）</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>暂无密钥</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>{kind} (salted hash on the chain)</source>
        <translation>{kind}（链上仅存加盐哈希）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>Add party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <source>Complete party details…</source>
        <translation>补充当事人信息…</translation>
    </message>
    <message>
        <source>Give a party their signing key, or add details; a key once given stays.</source>
        <translation>为当事人添加签名密钥或补充信息；密钥一经登记不可更改。</translation>
    </message>
    <message>
        <source>Conflict-of-interest disclosure (Art. 13)</source>
        <translation>利益冲突披露（第13条）</translation>
    </message>
    <message>
        <source>Online mediation rules Art. 13: the mediator tells the parties of any relationship with a party or interest in the outcome that could affect impartiality, so they can accept or refuse the mediator.</source>
        <translation>《人民法院在线调解规则》第13条：调解员应当向当事人披露其与一方当事人的关系或与调解结果的利害关系等可能影响公正调解的情形，由当事人决定是否接受该调解员。</translation>
    </message>
    <message>
        <source>I have no conflict of interest</source>
        <translation>本人不存在利益冲突</translation>
    </message>
    <message>
        <source>I have a conflict of interest:</source>
        <translation>本人存在以下利益冲突：</translation>
    </message>
    <message>
        <source>Explain (e.g. “I know the applicant from our former workplace”).</source>
        <translation>请说明（例如“本人与申请人曾是同事”）。</translation>
    </message>
    <message>
        <source>Sign the disclosure</source>
        <translation>签署披露声明</translation>
    </message>
    <message>
        <source>I have no relationship with any party and no interest in the outcome.</source>
        <translation>本人与各方当事人均无关联，与调解结果亦无利害关系。</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Person or organisation:</source>
        <translation>自然人或组织：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名/名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>诉讼地位：</translation>
    </message>
    <message>
        <source>Identity document:</source>
        <translation>身份证件：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>住址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Agent (optional):</source>
        <translation>代理人（可选）：</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>签名密钥：</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PartyKeyDialog</name>
    <message>
        <source>A party signs at this desk</source>
        <translation>当事人在本机签名</translation>
    </message>
    <message>
        <source>Hand the keyboard to the party. They choose their own key file and type their own passphrase; whoever runs this desk never learns it. The key is used for this one signature and then forgotten. Who may sign now: {names}.</source>
        <translation>请将键盘交给当事人，由其选择本人的密钥文件并输入本人的口令；本机的使用者不会知悉口令。该密钥仅用于本次签名，用后即从内存中清除。当前可签名的人：{names}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>密钥文件：</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose your key file</source>
        <translation>选择您的密钥文件</translation>
    </message>
    <message>
        <source>Key files (*.key);;All files (*)</source>
        <translation>密钥文件 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This key is not one of the keys that may sign here: {names}.</source>
        <translation>该密钥不属于可在此签名的密钥：{names}。</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <source>Confirm a payment</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Report performance</source>
        <translation>报告履行情况</translation>
    </message>
    <message>
        <source>Dispute a reported performance</source>
        <translation>对报告的履行提出异议</translation>
    </message>
    <message>
        <source>As the obligee, confirm what you received for obligation {id}. A confirmed payment counts toward the earliest instalment first.</source>
        <translation>作为权利人，请确认您就义务 {id} 收到的款项。确认的款项优先计入最早到期的一期。</translation>
    </message>
    <message>
        <source>As the obligor, report what you performed for obligation {id}, with evidence (a bank slip, a receipt). The obligee confirms or disputes it.</source>
        <translation>作为义务人，请报告您就义务 {id} 的履行情况，并附证据（银行回单、收据）。由权利人确认或提出异议。</translation>
    </message>
    <message>
        <source>As the obligee, say why the reported performance of obligation {id} is not right. Either party may take a dispute over performance to court (PML Art. 32).</source>
        <translation>作为权利人，请说明报告的义务 {id} 履行情况为何不符。对履行发生争议的，任何一方当事人均可向人民法院提起诉讼（《人民调解法》第32条）。</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>备注（可选）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PerformanceTab</name>
    <message>
        <source>Confirm a payment…</source>
        <translation>确认收款…</translation>
    </message>
    <message>
        <source>Report performance…</source>
        <translation>报告履行情况…</translation>
    </message>
    <message>
        <source>Dispute a report…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <source>Apply for enforcement</source>
        <translation>申请强制执行</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>强制执行</translation>
    </message>
    <message>
        <source>Performance record</source>
        <translation>履行记录</translation>
    </message>
    <message>
        <source>Performance is followed once the agreement is in effect.</source>
        <translation>调解协议生效后开始跟踪履行情况。</translation>
    </message>
    <message>
        <source>Statuses as of {now}. The parties consented to automatic filing: when a deadline and its grace period pass unperformed, the chain&apos;s contract rule {rule} files with the court, for enforcement once a court has confirmed the agreement, otherwise for trial.</source>
        <translation>截至 {now} 的状态。当事人已同意自动提请：履行期限及宽限期届满仍未履行的，由司法链智能合约规则 {rule} 向法院提请——协议经司法确认的申请强制执行，否则提请立案审理。</translation>
    </message>
    <message>
        <source>Statuses as of {now}. No consent to automatic filing: when a deadline and its grace period pass unperformed, the obligee applies for enforcement.</source>
        <translation>截至 {now} 的状态。当事人未同意自动申请：履行期限及宽限期届满仍未履行的，由权利人申请强制执行。</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed automatically for trial by the chain&apos;s contract rule {rule} on {time}, as no court confirmed the agreement (People&apos;s Mediation Law Art. 32) — {status}</source>
        <translation>{obligation}，第 {seq} 期：调解协议未经司法确认，司法链智能合约规则 {rule} 于 {time} 自动提请立案（《人民调解法》第三十二条）— {status}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: filed automatically by the chain&apos;s contract rule {rule} on {time} — {status}</source>
        <translation>{obligation}，第 {seq} 期：司法链合约规则 {rule} 于 {time} 自动提交 — {status}</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}: the obligee applied on {time} — {status}</source>
        <translation>{obligation}，第 {seq} 期：权利人于 {time} 申请 — {status}</translation>
    </message>
    <message>
        <source>No enforcement requested.</source>
        <translation>尚未申请强制执行。</translation>
    </message>
</context>
<context>
    <name>PrivacyNote</name>
    <message>
        <source>ID numbers, addresses and phone numbers stay on this computer, in the case file. Only a salted hash of the ID number goes on the chain, so a court holding the number can check it, and nobody can read it from the chain.</source>
        <translation>证件号码、住址和电话只保存在本机的案卷中。上链的仅是证件号码的加盐哈希：持有该号码的法院可以核对，但任何人都无法从链上读出号码。</translation>
    </message>
</context>
<context>
    <name>ProfileBackup</name>
    <message>
        <source>Back up the profile to</source>
        <translation>将档案备份到</translation>
    </message>
    <message>
        <source>Judicial Chain Desk backups (*{suffix})</source>
        <translation>司法链桌面端备份 (*{suffix})</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Name of the new profile to restore into:</source>
        <translation>恢复到的新档案名称：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Type the passphrase of this profile&apos;s key: the backup is encrypted with it.</source>
        <translation>请输入此档案密钥的口令：备份将用它加密。</translation>
    </message>
    <message>
        <source>Type the passphrase the profile had when it was backed up.</source>
        <translation>请输入该档案备份时所用的口令。</translation>
    </message>
    <message>
        <source>A profile name uses letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos; (at most 64 characters).</source>
        <translation>档案名称只能使用字母、数字、“.”、“-”或“_”（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>The profile {profile} was backed up to {path} ({entries} log entries). The file is encrypted with the profile&apos;s passphrase; keep it away from this computer.</source>
        <translation>档案 {profile} 已备份到 {path}（{entries} 条日志记录）。该文件已用档案口令加密，请将其保存在本机以外的地方。</translation>
    </message>
    <message>
        <source>The backup of {created} was restored as the profile {profile}. Open it (main.py --profile {profile}) and let it sync: what the chain received since the backup comes back. Private details of parties added after the backup are not in it.</source>
        <translation>{created} 的备份已恢复为档案 {profile}。请打开它（main.py --profile {profile}）并等待同步：备份之后链上收到的记录会重新取回。备份之后新增当事人的个人信息不在其中。</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Enter your name as it should appear on signed records.</source>
        <translation>请输入您的姓名，它将显示在签名记录上。</translation>
    </message>
    <message>
        <source>Choose a name for the profile folder.</source>
        <translation>请为档案文件夹取一个名称。</translation>
    </message>
    <message>
        <source>A profile name may contain letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; (at most 64), and may not begin or end with &apos;.&apos;.</source>
        <translation>档案名称可包含文字、数字、“.”、“-”和“_”（最多 64 个字符），且不能以“.”开头或结尾。</translation>
    </message>
    <message>
        <source>{name} is a reserved name on Windows; choose another.</source>
        <translation>{name} 是 Windows 的保留名称，请另选一个。</translation>
    </message>
    <message>
        <source>A profile named {name} already exists on this computer; choose another name.</source>
        <translation>本机已有名为 {name} 的档案，请另选名称。</translation>
    </message>
    <message>
        <source>Who you are</source>
        <translation>您的身份</translation>
    </message>
    <message>
        <source>Your name and role are sent with your key when the node enrols it.</source>
        <translation>节点登记您的密钥时，会一并登记您的姓名和身份。</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>The court&apos;s operator approves the role. A key signs only its holder&apos;s own statements: a party signs with their own key, never at the mediator&apos;s.</source>
        <translation>身份由法院节点管理员审批。密钥只能签署持有人本人的记录：当事人须用自己的密钥签名，不得使用调解员的密钥。</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>档案名称：</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>保存位置：{folder}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish the claim table</source>
        <translation>公布债权表</translation>
    </message>
    <message>
        <source>Publish version {n} of the claim table: {claims} reviewed claims, each from its latest review (Enterprise Bankruptcy Law Art. 57). Every member&apos;s desk recomputes it from the chain; the node refuses a table that differs.</source>
        <translation>公布第 {n} 版债权表：共 {claims} 笔已审查债权，每笔均取其最近一次审查结果（《企业破产法》第57条）。每位成员的桌面端都会根据链上记录重新计算；与之不符的债权表，链节点不予接受。</translation>
    </message>
    <message>
        <source>{group}: {claims} claims, declared {declared}, confirmed {confirmed} yuan</source>
        <translation>{group}：{claims} 笔债权，申报 {declared} 元，确认 {confirmed} 元</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>上链状态</translation>
    </message>
    <message>
        <source>payment of {amount} yuan confirmed</source>
        <translation>确认收款 {amount} 元</translation>
    </message>
    <message>
        <source>performance of {amount} yuan reported</source>
        <translation>报告履行 {amount} 元</translation>
    </message>
    <message>
        <source>reported performance disputed</source>
        <translation>对报告的履行提出异议</translation>
    </message>
    <message>
        <source>trial filing made automatically by the chain&apos;s contract rule {rule} (the agreement was not judicially confirmed)</source>
        <translation>司法链智能合约规则 {rule} 自动提请立案（调解协议未经司法确认）</translation>
    </message>
    <message>
        <source>enforcement filed automatically by the chain&apos;s contract rule {rule}</source>
        <translation>司法链合约规则 {rule} 自动申请强制执行</translation>
    </message>
    <message>
        <source>enforcement applied for by the obligee</source>
        <translation>权利人申请强制执行</translation>
    </message>
    <message>
        <source>{obligation}, instalment {seq}</source>
        <translation>{obligation}，第 {seq} 期</translation>
    </message>
    <message>
        <source>: {paid} of {due} yuan confirmed by {deadline}</source>
        <translation>：截至 {deadline} 已确认 {paid} 元，应付 {due} 元</translation>
    </message>
    <message>
        <source>: {reason}</source>
        <translation>：{reason}</translation>
    </message>
    <message>
        <source>: {note}</source>
        <translation>：{note}</translation>
    </message>
    <message>
        <source> — evidence: {files}</source>
        <translation> — 证据：{files}</translation>
    </message>
</context>
<context>
    <name>RegisteredExport</name>
    <message>
        <source>The PDF could not be saved: {detail}</source>
        <translation>无法保存 PDF：{detail}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review claim {claim}</source>
        <translation>审查债权 {claim}</translation>
    </message>
    <message>
        <source>Review version {n} of claim {claim}, as declared. Confirm, adjust or reject each amount; an adjusted or rejected amount needs its reason (Interpretation III Art. 6). A review never confirms more than was declared (Enterprise Bankruptcy Law Art. 57). This is review {review} of the claim.</source>
        <translation>按申报内容审查债权 {claim} 的第 {n} 版申报。请对每项金额作出确认、调整或不予确认；调整或不予确认的须说明理由（《企业破产法司法解释（三）》第6条）。审查确认的数额不得超过申报数额（《企业破产法》第57条）。这是对该债权的第 {review} 次审查。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额项目</translation>
    </message>
    <message>
        <source>Declared (yuan)</source>
        <translation>申报金额（元）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>审查结论</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>确认金额（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Nature found:</source>
        <translation>认定的债权性质：</translation>
    </message>
    <message>
        <source>{nature} (group: {group})</source>
        <translation>{nature}（组别：{group}）</translation>
    </message>
    <message>
        <source>Confirmed {confirmed} of {declared} yuan declared.</source>
        <translation>申报 {declared} 元，确认 {confirmed} 元。</translation>
    </message>
</context>
<context>
    <name>ReviewsModel</name>
    <message>
        <source>Review</source>
        <translation>审查版本</translation>
    </message>
    <message>
        <source>Answers version</source>
        <translation>所审申报版本</translation>
    </message>
    <message>
        <source>Confirmed (yuan)</source>
        <translation>确认金额（元）</translation>
    </message>
    <message>
        <source>Nature found</source>
        <translation>认定的债权性质</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>审查结论</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
        <translation>调解员</translation>
    </message>
    <message>
        <source>Bankruptcy administrator</source>
        <translation>破产管理人</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>债权人</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>法官</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>观察员</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Record a mediation session</source>
        <translation>制作调解笔录</translation>
    </message>
    <message>
        <source>Took part:</source>
        <translation>参加人员：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>Mediator&apos;s notes:</source>
        <translation>调解员记录：</translation>
    </message>
    <message>
        <source>What each party said</source>
        <translation>各方当事人陈述</translation>
    </message>
    <message>
        <source>The party&apos;s statement, as said</source>
        <translation>当事人陈述（按原话记录）</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>让步</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Concession (Art. 18: left out of documents for the court): a statement a party made only to reach agreement, which cannot be used against them later.</source>
        <translation>让步（第18条：不写入提交法院的文书）：当事人仅为达成调解协议而作出的陈述，之后不得作为对其不利的依据。</translation>
    </message>
    <message>
        <source>Evidence presented (attached by SHA-256)</source>
        <translation>出示的证据（以 SHA-256 附加）</translation>
    </message>
    <message>
        <source>Sign the session record</source>
        <translation>签署调解笔录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Took part</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>已确认人员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>Record a session…</source>
        <translation>制作调解笔录…</translation>
    </message>
    <message>
        <source>Acknowledge this record</source>
        <translation>确认本笔录</translation>
    </message>
    <message>
        <source>A party acknowledges at this desk…</source>
        <translation>当事人在本机确认…</translation>
    </message>
    <message>
        <source>No session yet.</source>
        <translation>暂无调解笔录。</translation>
    </message>
    <message>
        <source>Session {id}: {start} to {end}</source>
        <translation>第 {id} 场：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>concession — Art. 18: left out of documents for the court</source>
        <translation>让步 — 第18条：不写入提交法院的文书</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Signed by the mediator; chain status: {status}</source>
        <translation>调解员已签名；上链状态：{status}</translation>
    </message>
    <message>
        <source>{name} acknowledged {time} — {status}</source>
        <translation>{name} 于 {time} 确认 — {status}</translation>
    </message>
    <message>
        <source>Not yet acknowledged by: {names}</source>
        <translation>尚未确认：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Acknowledge the record of session {id} of case {case}.</source>
        <translation>确认案件 {case} 第 {id} 场调解笔录。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language of the application:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>您的密钥</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>密钥编号：</translation>
    </message>
    <message>
        <source>Verifier key:</source>
        <translation>验证公钥：</translation>
    </message>
    <message>
        <source>Your public key. Others use it to check your signatures; it is not secret.</source>
        <translation>这是您的公钥，他人用它核验您的签名，无需保密。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Revoke or replace my key…</source>
        <translation>吊销或更换我的密钥…</translation>
    </message>
    <message>
        <source>If your key may be in someone else&apos;s hands, stop using it and tell the parties (Electronic Signature Law Art. 15).</source>
        <translation>如果您的密钥可能已被他人掌握，应当终止使用并告知有关各方（《电子签名法》第十五条）。</translation>
    </message>
    <message>
        <source>Chain node</source>
        <translation>链节点</translation>
    </message>
    <message>
        <source>A new chain node takes effect at the next start of the application.</source>
        <translation>更换的链节点将在下次启动软件时生效。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignaturesModel</name>
    <message>
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签名状态</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>上链状态</translation>
    </message>
    <message>
        <source>not yet signed</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <source>signed {time}</source>
        <translation>已于 {time} 签名</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SpokenModel</name>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>Concession (Art. 18)</source>
        <translation>让步（第18条）</translation>
    </message>
    <message>
        <source>concession</source>
        <translation>让步</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>上链状态</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>{what}: version {version}</source>
        <translation>{what}：第 {version} 版</translation>
    </message>
    <message>
        <source>{what}: {session}</source>
        <translation>{what}：{session}</translation>
    </message>
    <message>
        <source>{what}: filed automatically by the chain&apos;s contract rule {rule}</source>
        <translation>{what}：由司法链合约规则 {rule} 自动提交</translation>
    </message>
    <message>
        <source>{what}: the obligee&apos;s application</source>
        <translation>{what}：权利人申请</translation>
    </message>
    <message>
        <source>{what}: {amount} yuan</source>
        <translation>{what}：{amount} 元</translation>
    </message>
    <message>
        <source>{what}: {name}</source>
        <translation>{what}：{name}</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Times are this computer&apos;s local time. Chain status: pending — signed on this computer, not yet accepted by the node; submitted — the node gave it a place in the log; confirmed — its receipt verified here, with the on-chain time. An entry the node refused counts nowhere and is not listed here: the Chain page shows it, with the node&apos;s reason.</source>
        <translation>时间均为本机当地时间。上链状态：待同步 — 已在本机签名，节点尚未接收；已提交 — 节点已将其排入日志；已确认 — 回执已在本机验证，并附上链时间。节点拒绝的记录不计入任何视图，此处不列出：“上链记录”页会显示它及节点给出的理由。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock your key</source>
        <translation>解锁密钥</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}&apos;s key to open the profile.</source>
        <translation>请输入{name}的密钥口令以打开档案。</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>档案：</translation>
    </message>
    <message>
        <source>{profile} ({role})</source>
        <translation>{profile}（{role}）</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>密钥编号：</translation>
    </message>
    <message>
        <source>(the key file cannot be read)</source>
        <translation>（无法读取密钥文件）</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Verify a file against the chain</source>
        <translation>对照司法链核验文件</translation>
    </message>
    <message>
        <source>Check any file: a PDF, any piece of evidence, a receipt (.tlog-proof) or a signed entry. Its SHA-256 is computed on this computer; the file itself is never sent anywhere.</source>
        <translation>可核验任何文件：PDF、任一证据材料、回执（.tlog-proof）或签名记录。SHA-256 在本机计算，文件本身不会发送到任何地方。</translation>
    </message>
    <message>
        <source>Drop a file here, or choose one.</source>
        <translation>将文件拖放到此处，或选择文件。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Choose the signed entry file…</source>
        <translation>选择签名记录文件…</translation>
    </message>
    <message>
        <source>Deposit as evidence (存证)</source>
        <translation>存证</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>备注（可选）：</translation>
    </message>
    <message>
        <source>What this file is, for the record</source>
        <translation>说明该文件是什么，供备查</translation>
    </message>
    <message>
        <source>Deposit this file as evidence (存证)</source>
        <translation>将此文件存证</translation>
    </message>
    <message>
        <source>The page tells you who signed what and when, and which facts this computer proved itself with the chain&apos;s pinned keys, and which rest on the chain node&apos;s word.</source>
        <translation>本页说明谁在何时签署了什么，哪些事实已由本机用锁定的司法链公钥自行证明，哪些仅依据链节点的答复。</translation>
    </message>
    <message>
        <source>To register a file (存证), choose it and press “Deposit this file as evidence”: you sign its SHA-256 with your key, and the chain returns a receipt with the on-chain time.</source>
        <translation>如需存证，请选择文件并点击“将此文件存证”：您用自己的密钥对其 SHA-256 签名，司法链返回载有上链时间的回执。</translation>
    </message>
    <message>
        <source>Choose a file to verify</source>
        <translation>选择要核验的文件</translation>
    </message>
    <message>
        <source>Choose the signed entry the receipt proves</source>
        <translation>选择该回执所证明的签名记录</translation>
    </message>
    <message>
        <source>Cancelled: the file was not checked.</source>
        <translation>已取消：未核验该文件。</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>无法读取该文件：{error}</translation>
    </message>
    <message>
        <source>Checking with the chain node…</source>
        <translation>正在向链节点查询…</translation>
    </message>
    <message>
        <source>The check could not be completed: {error}</source>
        <translation>核验未能完成：{error}</translation>
    </message>
    <message>
        <source>✔ This receipt is valid: the signed entry below is in the log.</source>
        <translation>✔ 该回执有效：下列签名记录已在日志中。</translation>
    </message>
    <message>
        <source>✔ This signed entry is on the chain.</source>
        <translation>✔ 该签名记录已上链。</translation>
    </message>
    <message>
        <source>✔ This file is on the chain. This computer proved it with the chain&apos;s pinned keys.</source>
        <translation>✔ 该文件已上链。本机已用锁定的司法链公钥证明这一点。</translation>
    </message>
    <message>
        <source>The chain node says this file is registered, but this computer cannot prove all of it by itself. Below: what is proven, and what rests on the node&apos;s word.</source>
        <translation>链节点答复该文件已存证，但本机无法独立证明全部内容。下方列出已证明的事实，以及仅依据节点答复的内容。</translation>
    </message>
    <message>
        <source>The receipt&apos;s checkpoint is authentic, but the signed entry it proves is not on this computer. Choose the entry file to finish the check.</source>
        <translation>该回执的检查点真实有效，但其证明的签名记录不在本机。请选择该记录文件以完成核验。</translation>
    </message>
    <message>
        <source>A deposit of this file was signed on this computer and is pending: the chain has not confirmed it yet, so it is not registered yet.</source>
        <translation>本机已对该文件签署存证，目前待同步：司法链尚未确认，因此尚未完成存证。</translation>
    </message>
    <message>
        <source>✘ This signed entry is not on the chain: it was never sent to it, or it was changed after it was signed.</source>
        <translation>✘ 该签名记录不在链上：它从未发送上链，或签名后已被改动。</translation>
    </message>
    <message>
        <source>✘ This file&apos;s SHA-256 is not on the chain: no entry in the log lists it. Either it was never registered, or it was changed after registration (changing a single byte changes the SHA-256).</source>
        <translation>✘ 该文件的 SHA-256 不在链上：日志中没有任何记录包含它。该文件要么从未存证，要么存证后被改动过（哪怕改动一个字节，SHA-256 也会不同）。</translation>
    </message>
    <message>
        <source>This computer has no record of this file, and the chain node could not be asked. This is not a final answer: try again when the node is reachable.</source>
        <translation>本机没有该文件的记录，且无法向链节点查询。这不是最终结论：请在节点可连接时重试。</translation>
    </message>
    <message>
        <source>This file could not be checked yet (see below why).</source>
        <translation>该文件暂时无法核验（原因见下）。</translation>
    </message>
    <message>
        <source>✘ Verification failed: do not rely on this file&apos;s registration.</source>
        <translation>✘ 核验未通过：请勿采信该文件的存证。</translation>
    </message>
    <message>
        <source>The chain node could not be asked ({error}). Receipts stored on this computer were still verified offline.</source>
        <translation>无法向链节点查询（{error}）。本机保存的回执仍已离线验证。</translation>
    </message>
    <message>
        <source>Checked on this computer alone; the node was not needed.</source>
        <translation>仅在本机完成核验，无需链节点。</translation>
    </message>
    <message>
        <source>Signed entry chosen: {name}</source>
        <translation>已选择签名记录：{name}</translation>
    </message>
    <message>
        <source>What was checked: the chain node was asked for this entry&apos;s leaf hash {hash} and has no such entry; this computer holds none either.</source>
        <translation>核验内容：已向链节点查询该记录的叶哈希 {hash}，节点没有该记录；本机也没有。</translation>
    </message>
    <message>
        <source>What was checked: the chain node was asked for this SHA-256 and answered that no entry lists it; this computer&apos;s own records do not list it either.</source>
        <translation>核验内容：已向链节点查询该 SHA-256，节点答复没有记录包含它；本机的记录中也没有。</translation>
    </message>
    <message>
        <source>If this should be a registered file, compare it with the original: any change, even saving it again, gives a different SHA-256. If this is the original and you want it registered now, deposit it below.</source>
        <translation>如果该文件应已存证，请与原件比对：任何改动，哪怕只是重新保存，都会得到不同的 SHA-256。如果这就是原件且您希望现在存证，请在下方存证。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>密钥已吊销</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{name}, {size}</source>
        <translation>{name}，{size}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>{time} (the signer&apos;s own clock)</source>
        <translation>{time}（签名人本机时间）</translation>
    </message>
    <message>
        <source>On-chain time</source>
        <translation>上链时间</translation>
    </message>
    <message>
        <source>{time} at the latest (cosigned by {witnesses})</source>
        <translation>不晚于 {time}（由 {witnesses} 联署）</translation>
    </message>
    <message>
        <source>On-chain time (node)</source>
        <translation>上链时间（节点）</translation>
    </message>
    <message>
        <source>{time}, as the chain node reports it</source>
        <translation>{time}，据链节点报告</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>{origin}, checkpoint of {size} entries</source>
        <translation>{origin}，检查点含 {size} 条记录</translation>
    </message>
    <message>
        <source>Leaf hash</source>
        <translation>叶哈希</translation>
    </message>
    <message>
        <source>Proven on this computer:</source>
        <translation>本机已证明：</translation>
    </message>
    <message>
        <source>On the chain node&apos;s word only:</source>
        <translation>仅依据链节点答复：</translation>
    </message>
    <message>
        <source>Signed on this computer, not on the chain yet</source>
        <translation>已在本机签名，尚未上链</translation>
    </message>
    <message>
        <source>Entry #{index} of the log</source>
        <translation>日志第 {index} 号记录</translation>
    </message>
    <message>
        <source>This computer does not hold this entry, so who signed it and that it lists this file rest on the node&apos;s word. Ask the depositor for the signed entry file (or its receipt and the entry) to prove it here.</source>
        <translation>本机没有该记录，因此签名人是谁、记录是否包含该文件，仅依据节点答复。请向存证人索取签名记录文件（或其回执及记录），以便在本机证明。</translation>
    </message>
    <message>
        <source>Signed — pending: the node accepted it; its receipt has not arrived yet.</source>
        <translation>已签名 — 待确认：节点已接收，回执尚未到达。</translation>
    </message>
    <message>
        <source>Signed — pending: waiting to be sent to the chain node.</source>
        <translation>已签名 — 待同步：等待发送到链节点。</translation>
    </message>
    <message>
        <source>The chain node rejected it: {reason}</source>
        <translation>链节点已拒绝：{reason}</translation>
    </message>
    <message>
        <source>Does not verify at step {n} of {total} ({step}): {error}. Do not rely on it.</source>
        <translation>验证未通过：第 {n} 步（共 {total} 步，{step}）不成立：{error}。请勿采信。</translation>
    </message>
    <message>
        <source>Does not verify: {error}. Do not rely on it.</source>
        <translation>验证未通过：{error}。请勿采信。</translation>
    </message>
    <message>
        <source>reading the receipt and its checkpoint</source>
        <translation>读取回执及其检查点</translation>
    </message>
    <message>
        <source>the chain log&apos;s signature on the checkpoint</source>
        <translation>链日志对检查点的签名</translation>
    </message>
    <message>
        <source>a witness&apos;s timestamped cosignature</source>
        <translation>见证方带时间戳的联署签名</translation>
    </message>
    <message>
        <source>the entry&apos;s number within the checkpoint</source>
        <translation>条目序号在检查点范围之内</translation>
    </message>
    <message>
        <source>the entry&apos;s hash</source>
        <translation>条目的哈希</translation>
    </message>
    <message>
        <source>the proof that the entry is in the log</source>
        <translation>条目在日志中的包含证明</translation>
    </message>
    <message>
        <source>Evidence deposit (存证)</source>
        <translation>存证</translation>
    </message>
    <message>
        <source>Enrolment of a key</source>
        <translation>密钥注册</translation>
    </message>
    <message>
        <source>Approval of an enrolment by the node</source>
        <translation>节点批准密钥注册</translation>
    </message>
    <message>
        <source>{plain} ({type})</source>
        <translation>{plain}（{type}）</translation>
    </message>
    <message>
        <source>{name} ({role}), key {key}</source>
        <translation>{name}（{role}），密钥 {key}</translation>
    </message>
    <message>
        <source>{name}, key {key}</source>
        <translation>{name}，密钥 {key}</translation>
    </message>
    <message>
        <source>a key this computer has no name for: {key}</source>
        <translation>本机未登记姓名的密钥：{key}</translation>
    </message>
    <message>
        <source>{signer} — you</source>
        <translation>{signer} — 您本人</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry (#{index}) was signed before the key was revoked: valid (Electronic Signature Law Art. 15: the signer stops using a compromised key from then on; what it signed before stands)</source>
        <translation>于第 {revoked} 号记录吊销；本记录（第 {index} 号）签署于密钥吊销之前：有效（《电子签名法》第十五条：签名人自知悉密钥失密时起终止使用该密钥；此前所签署的仍然有效）</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry (#{index}) is not below it: the chain node refuses every entry of a revoked key from its revocation on</source>
        <translation>于第 {revoked} 号记录吊销；本记录（第 {index} 号）不在吊销之前：链节点自吊销时起拒绝该密钥签署的每一条记录</translation>
    </message>
    <message>
        <source>at entry #{revoked}; this entry is not on the chain, and the chain node will refuse it: a revoked key signs nothing more</source>
        <translation>于第 {revoked} 号记录吊销；本记录不在链上，链节点也将拒绝它：已吊销的密钥不能再签署任何记录</translation>
    </message>
    <message>
        <source>the signer&apos;s signature on the statement</source>
        <translation>签名人对该记录的签名</translation>
    </message>
    <message>
        <source>what the statement says (its type and content)</source>
        <translation>该记录的内容（类型与正文）</translation>
    </message>
    <message>
        <source>that the entry is in the log at #{index}</source>
        <translation>该记录位于日志第 {index} 号</translation>
    </message>
    <message>
        <source>the on-chain time (the witness&apos;s cosignature)</source>
        <translation>上链时间（见证节点的联署）</translation>
    </message>
    <message>
        <source>that the log signed, and its witness cosigned, a checkpoint of {size} entries</source>
        <translation>日志签署、见证节点联署了含 {size} 条记录的检查点</translation>
    </message>
    <message>
        <source>that this entry is exactly your file</source>
        <translation>该记录就是您的文件</translation>
    </message>
    <message>
        <source>that the entry lists this file&apos;s SHA-256</source>
        <translation>该记录包含此文件的 SHA-256</translation>
    </message>
    <message>
        <source>the earlier on-chain time {time}</source>
        <translation>更早的上链时间 {time}</translation>
    </message>
    <message>
        <source>Depositing signs the file&apos;s SHA-256, name and size with your key; the file itself stays on this computer.</source>
        <translation>存证时用您的密钥对文件的 SHA-256、名称和大小签名；文件本身保留在本机。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Confirmed on the chain: entry #{index}, on-chain time {time}.</source>
        <translation>已在链上确认：第 {index} 号记录，上链时间 {time}。</translation>
    </message>
    <message>
        <source>The chain node rejected this deposit: {reason}</source>
        <translation>链节点拒绝了本次存证：{reason}</translation>
    </message>
    <message>
        <source>Signed — pending. The chain node accepted it; waiting for its receipt. It is not registered until the receipt arrives.</source>
        <translation>已签名 — 待确认。链节点已接收，正在等待回执。回执到达前尚未完成存证。</translation>
    </message>
    <message>
        <source>Signed — pending. Your signed deposit is kept on this computer and will be sent to the chain node; it is not registered until the receipt arrives.</source>
        <translation>已签名 — 待同步。您签署的存证保存在本机，将发送到链节点；回执到达前尚未完成存证。</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>{name} — computing its SHA-256…</source>
        <translation>{name} — 正在计算 SHA-256…</translation>
    </message>
    <message>
        <source>{name} — not hashed</source>
        <translation>{name} — 未计算哈希</translation>
    </message>
    <message>
        <source>receipt (.tlog-proof)</source>
        <translation>回执（.tlog-proof）</translation>
    </message>
    <message>
        <source>signed entry</source>
        <translation>签名记录</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{name} — {size}, {kind}</source>
        <translation>{name} — {size}，{kind}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Judicial Chain Desk</source>
        <translation>欢迎使用司法链桌面端</translation>
    </message>
    <message>
        <source>Signed records for mediation and creditors&apos; meetings</source>
        <translation>调解与债权人会议的签名记录</translation>
    </message>
    <message>
        <source>Judicial Chain Desk keeps the record of a mediation or a bankruptcy case: session records, agreements, claims, objections and votes. Each of them is signed with your own key and sent to a judicial chain node, which keeps them in a log that cannot be changed afterwards and returns a receipt. Anyone holding a document or a receipt can later check it against the chain.</source>
        <translation>司法链桌面端为调解案件和破产案件留存记录：调解笔录、调解协议、债权申报、异议和表决。每一条记录都由您本人的密钥签名，并发送到司法链节点上链存证。节点将其写入事后无法篡改的日志，并返回回执。持有文件或回执的任何人，日后都可以对照司法链进行核验。</translation>
    </message>
    <message>
        <source>This assistant sets up your profile on this computer in four steps: your name and role, your key and its passphrase, the chain node to use, and the enrolment of your key with that node.</source>
        <translation>本向导分四步在本机设置您的档案：填写姓名和身份，生成密钥并设置口令，选择链节点，向该节点注册密钥。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
</TS>
