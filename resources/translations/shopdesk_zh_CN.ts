<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily (first start of the day)</source>
        <translation>每日（当天首次启动）</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before an update of ShopDesk</source>
        <translation>店长台更新前</translation>
    </message>
    <message>
        <source>Data replaced by a restore</source>
        <translation>被恢复操作替换的数据</translation>
    </message>
    <message>
        <source>Manual backup</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Damaged file set aside</source>
        <translation>已移开的损坏文件</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>ShopDesk backs up the shop at the first start of each day and before every import or update. Restoring keeps the data it replaces as a backup too.</source>
        <translation>店长台会在每天首次启动时、以及每次导入或更新之前自动备份店铺数据。恢复备份时，被替换的数据也会另存为一份备份。</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>备份文件夹：%1</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>ShopDesk database (*.db)</source>
        <translation>店长台数据库 (*.db)</translation>
    </message>
    <message>
        <source>Restore backup?</source>
        <translation>恢复备份？</translation>
    </message>
    <message>
        <source>Replace the shop's current data with the backup from %1?

The current data is kept as a backup first, so this can be undone.</source>
        <translation>用 %1 的备份替换店铺当前的数据吗？

当前数据会先另存为备份，因此可以撤销。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced is kept as a backup:
%1</source>
        <translation>备份已恢复。被替换的数据已另存为备份：
%1</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Delete backup?</source>
        <translation>删除备份？</translation>
    </message>
    <message>
        <source>Delete the backup from %1? This cannot be undone.</source>
        <translation>删除 %1 的备份吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Restore the latest good backup (%1)?</source>
        <translation>恢复最近一份完好的备份（%1）吗？</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The backup from %1 was restored. The damaged file is kept as:
%2</source>
        <translation>已恢复 %1 的备份。损坏的文件保留为：
%2</translation>
    </message>
</context>
<context>
    <name>CalendarXlsxButton</name>
    <message>
        <source>Calendar (Excel)…</source>
        <translation>导出日历 (Excel)…</translation>
    </message>
    <message>
        <source>Write the promotions of the month or week on screen (in the year and list views: of the year) to an Excel workbook: one sheet per month drawn as a calendar, the promotions and their phase in the day cells, plus a list</source>
        <translation>把当前显示的月份或周（年视图和列表视图下为全年）的促销写入 Excel 工作簿：每月一个工作表，画成日历，促销及其阶段写在对应日期格中，另附一个列表</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ChannelsPanel</name>
    <message>
        <source>Amounts are kept in each channel's own currency and shown in yuan at the rate you type for each month (yuan for one unit, e.g. 7.1234). A channel without a month's rate is shown apart in its own currency, never added to the yuan totals. Changes are saved at once; Undo takes them back.</source>
        <translation>金额按各渠道自己的币种保存，并按您为每个月填写的汇率（1 个单位值多少元，例如 7.1234）折算成人民币显示。缺少某月汇率的渠道以其原币种单独显示，不会计入人民币合计。修改立即保存；“撤销”可以撤回。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>ISO 4217 code: CNY, USD, GBP, ZAR …</source>
        <translation>ISO 4217 代码：CNY、USD、GBP、ZAR …</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
    <message>
        <source>Months without a rate</source>
        <translation>缺少汇率的月份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Yuan per unit</source>
        <translation>每单位折合人民币</translation>
    </message>
    <message>
        <source>Clear the cell to remove the rate</source>
        <translation>清空单元格即删除该汇率</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Set rate</source>
        <translation>设置汇率</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Undo “%1”</source>
        <translation>撤销“%1”</translation>
    </message>
    <message>
        <source>Type the rate: how many yuan one unit of the currency is worth, such as 7.1234.</source>
        <translation>请输入汇率：1 个单位的该币种值多少元，例如 7.1234。</translation>
    </message>
    <message>
        <source>Select the rates to remove first.</source>
        <translation>请先选择要删除的汇率。</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Save chart as PNG or PDF…</source>
        <translation>将图表另存为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Check shown</source>
        <translation>勾选显示的项</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>已勾选 %1 / %2</translation>
    </message>
</context>
<context>
    <name>ClearanceDialog</name>
    <message>
        <source>Create clearance promotion</source>
        <translation>创建清仓活动</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>%1, %2 on hand, %3 at cost. The promotion covers only these SKUs and appears in the promotions calendar; Ctrl+Z removes it.</source>
        <translation>%1，在库 %2，成本 %3。活动只包含这些 SKU，并显示在促销日历中；Ctrl+Z 可撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n 个 SKU</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>Lasts:</source>
        <translation>持续：</translation>
    </message>
    <message>
        <source>SKUs:</source>
        <translation>SKU：</translation>
    </message>
</context>
<context>
    <name>CohortCharts</name>
    <message>
        <source>Export cohorts…</source>
        <translation>导出同期群…</translation>
    </message>
    <message>
        <source>The cohort table behind the heat map (`export member-cohorts FILE`)</source>
        <translation>热力图背后的同期群表（`export member-cohorts FILE`）</translation>
    </message>
</context>
<context>
    <name>ColumnMappingPage</name>
    <message>
        <source>The file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>From the platform:</source>
        <translation>来自平台：</translation>
    </message>
    <message>
        <source>Skip this file</source>
        <translation>跳过此文件</translation>
    </message>
    <message>
        <source>Leave this file out of the import and go on with the next one</source>
        <translation>不导入这个文件，继续处理下一个</translation>
    </message>
    <message>
        <source>ShopDesk field</source>
        <translation>店长台字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>ShopDesk does not know this layout yet. Tell it which column holds what; fields marked * are required. The choice is remembered for files with the same columns.</source>
        <translation>店长台还不认识这种表格格式。请指定每一列对应的内容，带 * 的字段为必填。相同列的文件下次会自动识别。</translation>
    </message>
    <message>
        <source>Use these columns &gt;</source>
        <translation>使用这些列 &gt;</translation>
    </message>
    <message>
        <source>Match the columns of %1</source>
        <translation>匹配 %1 的列</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>— not in this file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Suggested by ShopDesk from the column name; choose another column if it is wrong.</source>
        <translation>店长台根据列名推荐；如不对，请选择其他列。</translation>
    </message>
    <message numerus="yes">
        <source>ShopDesk filled in %n column(s) from their names (tinted blue). Check them; each one can be changed.</source>
        <translation><numerusform>店长台已根据列名填好 %n 列（蓝色底）。请核对，每一项都可以修改。</numerusform></translation>
    </message>
    <message>
        <source>None in this file: the orders are identified by the rule below</source>
        <translation>文件中没有：订单按下方的规则识别</translation>
    </message>
    <message>
        <source>Choose the column for each required field: %1</source>
        <translation>请为每个必填字段选择对应的列：%1</translation>
    </message>
    <message>
        <source>The column %1 is chosen for both %2 and %3. Each column can hold only one field.</source>
        <translation>列 %1 同时被选为 %2 和 %3。每一列只能对应一个字段。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare promotions</source>
        <translation>促销效果对比</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mechanics</source>
        <translation>玩法</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>提升</translation>
    </message>
    <message>
        <source>GMV against the same number of days right before it</source>
        <translation>与活动前同样天数的支付金额相比</translation>
    </message>
    <message>
        <source>Uplift on last year</source>
        <translation>较去年同节提升</translation>
    </message>
    <message>
        <source>GMV against the same festival last year</source>
        <translation>与去年同一节日的支付金额相比</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>% of target</source>
        <translation>目标完成率</translation>
    </message>
    <message>
        <source>GMV ÷ target GMV (a running promotion: its days so far)</source>
        <translation>GMV ÷ 目标支付金额（进行中的促销：按已进行的天数）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Discount cost</source>
        <translation>折扣成本</translation>
    </message>
    <message>
        <source>The cost's part for discounts (the budget's split; unknown for a recorded cost)</source>
        <translation>成本中用于折扣让利的部分（按预算拆分；已记录的实际成本无法拆分）</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>推广费用</translation>
    </message>
    <message>
        <source>The cost's part for ads, fees and samples</source>
        <translation>成本中用于广告、费用和样品的部分</translation>
    </message>
    <message>
        <source>Incremental gross profit</source>
        <translation>增量毛利</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Incremental gross profit ÷ cost: 1.00× and more pays back</source>
        <translation>增量毛利 ÷ 费用：1.00× 及以上即回本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>已实测</translation>
    </message>
    <message>
        <source>Promotions that overlap share the same days' sales: a day may count twice</source>
        <translation>时间重叠的促销共享同一天的销售额：某一天可能被计算两次</translation>
    </message>
    <message>
        <source>Average uplift</source>
        <translation>平均提升</translation>
    </message>
    <message>
        <source>Of those whose ROI is known</source>
        <translation>仅计回报率已知的促销</translation>
    </message>
    <message>
        <source>Pay back</source>
        <translation>回本</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 个中 %1 个</translation>
    </message>
    <message>
        <source>Every promotion ending in the year, measured in its channels and scope. Click a header to sort; double-click a row for its effect. Per kind: which kind of promotion pays back?</source>
        <translation>该年结束的每个促销，按其渠道和范围统计。点击表头排序；双击一行查看效果。按类型汇总：哪类促销能回本？</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) sold without a unit cost</source>
        <translation><numerusform>%n 个售出的 SKU 没有单位成本</numerusform></translation>
    </message>
    <message>
        <source>No cost to divide by</source>
        <translation>没有费用可作除数</translation>
    </message>
    <message>
        <source>No baseline before it</source>
        <translation>活动前没有基线</translation>
    </message>
    <message>
        <source>No promotions end in %1.</source>
        <translation>%1 年没有结束的促销。</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Open now: %1</source>
        <translation>当前打开：%1</translation>
    </message>
    <message>
        <source>This computer: the shop file in ShopDesk's data folder</source>
        <translation>本机：店长台数据文件夹中的店铺文件</translation>
    </message>
    <message>
        <source>Shared server: a PostgreSQL server the whole team signs in to</source>
        <translation>共享服务器：全队都登录的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>e.g. db.example.com or 192.168.1.20</source>
        <translation>例如 db.example.com 或 192.168.1.20</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>例如 shop</translation>
    </message>
    <message>
        <source>your own user name, from the owner</source>
        <translation>你自己的用户名，由店主提供</translation>
    </message>
    <message>
        <source>Keep the password in this computer's credential store</source>
        <translation>把密码保存在本机的凭据管理器中</translation>
    </message>
    <message>
        <source>This computer has no credential store: ShopDesk asks for the password each time it signs in (it is never written to a file).</source>
        <translation>本机没有凭据管理器：店长台每次登录时都会询问密码（密码绝不会写入文件）。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Server (host):</source>
        <translation>服务器（主机）：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Save and reopen</source>
        <translation>保存并重新打开</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>(no supplier)</source>
        <translation>（无供应商）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Late: the expected date has passed and it has not all arrived</source>
        <translation>逾期：预计日期已过，货还没到齐</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Empty: it was in transit before ShopDesk kept deliveries, or typed into In transit</source>
        <translation>空：在 ShopDesk 记录到货之前就已在途，或是手动填入的在途数</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>When it should arrive: type the supplier's date (Mark as ordered puts today + the lead time)</source>
        <translation>预计到货日期：可填入供应商确认的日期（标记为已下单时为今天 + 采购周期）</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购数</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>未到数</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <source>How many of the selected delivery arrived: all of it, or part</source>
        <translation>选中的这批到货实际到了多少：全部或部分</translation>
    </message>
    <message>
        <source>Close as short-delivered</source>
        <translation>按短缺关闭</translation>
    </message>
    <message>
        <source>The rest of the selected deliveries will not come: it leaves in transit</source>
        <translation>选中到货剩余的部分不会再来：从在途中扣除</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Nothing is on its way. Mark as ordered in Order today adds a delivery expected after the SKU's lead time.</source>
        <translation>目前没有在途到货。在“今日采购”中标记为已下单，即会新增一批到货，预计在采购周期后到达。</translation>
    </message>
    <message>
        <source>%1 on their way: %2, %3 at cost.</source>
        <translation>在途 %1：%2，成本 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%n (delivery|deliveries)</source>
        <translation><numerusform>%n 批到货</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Close %n (delivery|deliveries) as short-delivered</source>
        <translation><numerusform>将 %n 批到货按短缺关闭</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
    <message>
        <source>%1 late (red, listed first).</source>
        <translation>其中 %1逾期（红色，排在最前）。</translation>
    </message>
    <message>
        <source>Double-click one to receive it; type a new expected date into its cell.</source>
        <translation>双击一行即可收货；在预计到货单元格中可改日期。</translation>
    </message>
    <message>
        <source>Select a delivery in the list first.</source>
        <translation>请先在列表中选择一批到货。</translation>
    </message>
    <message>
        <source>stays open (a later delivery brings it)</source>
        <translation>继续在途（稍后补到）</translation>
    </message>
    <message>
        <source>will not come: close as short-delivered</source>
        <translation>不会再到：按短缺关闭</translation>
    </message>
    <message>
        <source>%1 %2 from %3: %4 ordered on %5, %6 received so far, %7 still to come (expected %8).</source>
        <translation>%1 %2（%3）：%5 下单 %4 件，已收 %6 件，未到 %7 件（预计 %8）。</translation>
    </message>
    <message>
        <source>Quantity received</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>Less than still to come is a partial receipt</source>
        <translation>少于未到数量即为部分收货</translation>
    </message>
    <message>
        <source>If less arrived, the rest</source>
        <translation>如果少到，剩余部分</translation>
    </message>
    <message>
        <source>Receive %1</source>
        <translation>收货 %1</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>%1 — Ctrl+Z undoes it</source>
        <translation>%1 —— 按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>ShopDesk</source>
        <translation>店长台</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Undo “%1”</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo “%1”</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>EffectDialog</name>
    <message>
        <source>Promotion effect</source>
        <translation>促销效果</translation>
    </message>
    <message>
        <source>This promotion</source>
        <translation>本次促销</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>活动前同期</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>提升</translation>
    </message>
    <message>
        <source>Same festival last year</source>
        <translation>去年同一节日</translation>
    </message>
    <message>
        <source>Uplift on last year</source>
        <translation>较去年同节提升</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>AOV</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买家数</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Top SKUs in the promotion</source>
        <translation>促销期热销 SKU</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>This promotion no longer exists (deleted meanwhile).</source>
        <translation>该促销已不存在（刚被删除）。</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Scope: the whole shop</source>
        <translation>范围：全店</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <source>Cancelled: not measured.</source>
        <translation>已取消：不统计效果。</translation>
    </message>
    <message>
        <source>Starts %1: nothing to measure yet.</source>
        <translation>%1 开始：尚无可统计的数据。</translation>
    </message>
    <message>
        <source>No orders imported for these days: import the orders of its days to measure it.</source>
        <translation>这些日期没有导入订单：导入活动期间的订单后即可统计效果。</translation>
    </message>
    <message>
        <source>Running: day %1 of %2. Figures are for the days run so far, against as many days before it; the cost is the budget prorated to those days.</source>
        <translation>进行中：第 %1 天，共 %2 天。数据为已进行的天数，与活动前同样天数相比；费用为按已进行天数折算的预算。</translation>
    </message>
    <message numerus="yes">
        <source>Days before: %1, the same %n day(s) right before it, same channels and scope.</source>
        <translation><numerusform>活动前同期：%1，紧挨活动前的 %n 天，相同渠道和范围。</numerusform></translation>
    </message>
    <message>
        <source>Days before: unknown — the imported orders do not reach back that far.</source>
        <translation>活动前同期：未知——已导入的订单没有那么早。</translation>
    </message>
    <message>
        <source>last year's promotion</source>
        <translation>去年的促销</translation>
    </message>
    <message>
        <source>the festival's dates last year</source>
        <translation>该节日去年的日期</translation>
    </message>
    <message>
        <source>Same festival last year: %1 (%2), %3.</source>
        <translation>去年同一节日：%1（%2），%3。</translation>
    </message>
    <message>
        <source>Same festival last year: %1 — unknown, the imported orders do not reach back that far.</source>
        <translation>去年同一节日：%1——未知，已导入的订单没有那么早。</translation>
    </message>
    <message>
        <source>Same festival last year: — (this promotion belongs to no platform festival).</source>
        <translation>去年同一节日：—（该促销不属于任何平台节日）。</translation>
    </message>
    <message>
        <source>Cost: — (no budget and no recorded result)</source>
        <translation>费用：—（没有预算，也没有记录的结果）</translation>
    </message>
    <message>
        <source>recorded result</source>
        <translation>已记录的结果</translation>
    </message>
    <message>
        <source>budget %1 × %2/%3 days run</source>
        <translation>预算 %1 × 已进行 %2/%3 天</translation>
    </message>
    <message>
        <source>whole budget</source>
        <translation>全部预算</translation>
    </message>
    <message>
        <source>Cost: %1 (%2)</source>
        <translation>费用：%1（%2）</translation>
    </message>
    <message>
        <source> = discount cost %1 + ad spend %2</source>
        <translation> = 折扣成本 %1 + 推广费用 %2</translation>
    </message>
    <message>
        <source>ROI %1 = incremental gross profit %2 ÷ cost %3 — %4</source>
        <translation>投资回报率 %1 = 增量毛利 %2 ÷ 费用 %3 —— %4</translation>
    </message>
    <message>
        <source>pays back</source>
        <translation>已回本</translation>
    </message>
    <message>
        <source>does not pay back</source>
        <translation>未回本</translation>
    </message>
    <message numerus="yes">
        <source>ROI unknown: %n SKU(s) sold without a unit cost. Enter their costs in Inventory (Edit SKU…) to measure it.</source>
        <translation><numerusform>投资回报率未知：%n 个售出的 SKU 没有单位成本。请在“库存预警”（编辑 SKU…）中填写成本后再统计。</numerusform></translation>
    </message>
    <message>
        <source>ROI unknown: some orders have no goods lines, so their gross profit is unknown.</source>
        <translation>投资回报率未知：部分订单没有商品明细，无法计算毛利。</translation>
    </message>
    <message>
        <source>ROI unknown: no baseline to measure the increase against.</source>
        <translation>投资回报率未知：没有可对比增量的基线。</translation>
    </message>
    <message>
        <source>ROI unknown: no cost to divide by.</source>
        <translation>投资回报率未知：没有费用可作除数。</translation>
    </message>
    <message>
        <source>Target GMV: none (set one in the promotion's form to follow it here).</source>
        <translation>目标支付金额：未设置（在促销表单中填写后可在此跟踪）。</translation>
    </message>
    <message>
        <source>Target GMV: %1.</source>
        <translation>目标支付金额：%1。</translation>
    </message>
    <message>
        <source>Target GMV %1: %2 so far, %3 of the target.</source>
        <translation>目标支付金额 %1：目前已完成 %2，达成目标的 %3。</translation>
    </message>
    <message>
        <source>Target GMV %1: %2, %3 of the target.</source>
        <translation>目标支付金额 %1：实际 %2，达成目标的 %3。</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write this list to an Excel workbook (or .csv / .json)</source>
        <translation>将此列表导出为 Excel 工作簿（或 .csv / .json）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation><numerusform>已导出 %n 行到 %1</numerusform></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>FestivalDialog</name>
    <message>
        <source>Festival calendar</source>
        <translation>节日日历</translation>
    </message>
    <message>
        <source>Choose the festivals the calendars show for each platform, and add your own (a shop anniversary, a member day …). Dates are rules that work for any year: 08-16, lunar 08-15 (the lunar calendar), 11-thu4 (the 4th Thursday of November), each with an optional +N or -N days, e.g. lunar 01-01 -30.</source>
        <translation>选择每个平台在日历上显示哪些节日，并添加你自己的节日（店庆、会员日……）。日期是适用于任何年份的规则：08-16、lunar 08-15（农历）、11-thu4（11月第4个星期四），都可以再加 +N 或 -N 天，例如 lunar 01-01 -30。</translation>
    </message>
    <message>
        <source>Show on:</source>
        <translation>显示于：</translation>
    </message>
    <message>
        <source>Your own festivals</source>
        <translation>自定义节日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Add festival</source>
        <translation>添加节日</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>%1 from %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the file</source>
        <translation><numerusform>文件共 %n 行</numerusform></translation>
    </message>
    <message>
        <source>showing the first %1</source>
        <translation>显示前 %1 条</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped</source>
        <translation><numerusform>%n 行有错误，将被跳过</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>另外 %n 行</numerusform></translation>
    </message>
    <message>
        <source>not shown here: rows %1</source>
        <translation>未在此显示：第 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with warnings</source>
        <translation><numerusform>%n 行有警告</numerusform></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Get an empty template</source>
        <translation>下载空白模板</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Recognised as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Drop the exports you downloaded from your seller back-end here,
or click “Add files…”.</source>
        <translation>把从商家后台下载的导出文件拖到这里，
或点击“添加文件…”。</translation>
    </message>
    <message>
        <source>Choose the files to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Orders, refunds, products and stock, traffic or members, from any platform. ShopDesk recognises the platform and the kind of data from the column headers; correct the platform if it guessed wrong.</source>
        <translation>支持任何平台的订单、退款、商品库存、流量或会员数据。店长台根据表头识别平台和数据类型；如果识别有误，请更正平台。</translation>
    </message>
    <message>
        <source>Match columns &gt;</source>
        <translation>匹配列 &gt;</translation>
    </message>
    <message>
        <source>Preview &gt;</source>
        <translation>预览 &gt;</translation>
    </message>
    <message>
        <source>Choose platform exports</source>
        <translation>选择平台导出文件</translation>
    </message>
    <message>
        <source>Exports and spreadsheets (%1)</source>
        <translation>导出文件和表格 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>ShopDesk could not read this file (%1). Check that it is an export from the seller back-end; the details are in the log file.</source>
        <translation>店长台无法读取此文件（%1）。请确认它是从商家后台导出的文件；详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>sheets: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Cannot be imported</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Orders without an order number</source>
        <translation>没有订单编号的订单</translation>
    </message>
    <message>
        <source>Layout not recognised</source>
        <translation>未识别的格式</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>The platform the file comes from; change it if ShopDesk guessed wrong.</source>
        <translation>文件来自的平台；如果店长台识别有误，请更改。</translation>
    </message>
    <message>
        <source>Columns to match</source>
        <translation>需要匹配列</translation>
    </message>
    <message>
        <source>Columns matched</source>
        <translation>列已匹配</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n row(s) with errors</source>
        <translation><numerusform>%1 · %n 行有错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n warning(s)</source>
        <translation><numerusform>%1 · %n 条警告</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported and will be left out:</source>
        <translation><numerusform>%n 个文件无法导入，将被排除：</numerusform></translation>
    </message>
    <message>
        <source>Products and stock (商品库存模板)</source>
        <translation>商品库存模板</translation>
    </message>
    <message>
        <source>Daily traffic (每日流量模板)</source>
        <translation>每日流量模板</translation>
    </message>
    <message>
        <source>ShopDesk template - %1.xlsx</source>
        <translation>店长台模板 - %1.xlsx</translation>
    </message>
    <message>
        <source>Save the empty template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved as %1. Fill it in, save it, then add it here.</source>
        <translation>模板已保存为 %1。填写并保存后，再添加到这里。</translation>
    </message>
</context>
<context>
    <name>GanttView</name>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>By promotion</source>
        <translation>按活动</translation>
    </message>
    <message>
        <source>Drag a bar to move a task, its right end to change the due date; double-click to open it.</source>
        <translation>拖动横条可移动任务，拖动右端可改截止日；双击打开任务。</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Chart of:</source>
        <translation>甘特图：</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>No promotion</source>
        <translation>无活动</translation>
    </message>
    <message>
        <source>No tasks with dates in these days. Choose another month or promotion, or add a task with “New task…”.</source>
        <translation>这段日期内没有带日期的任务。请换一个月份或活动，或用“新建任务…”添加。</translation>
    </message>
    <message>
        <source>Move the tasks that wait for it?</source>
        <translation>一起移动后续任务？</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) (waits|wait) for “%1”. Move (it|them) by the same number of days?</source>
        <translation><numerusform>有 %n 个任务在等“%1”完成。要把它们也移动相同天数吗？</numerusform></translation>
    </message>
    <message>
        <source>Move them too</source>
        <translation>一起移动</translation>
    </message>
    <message>
        <source>Only this task</source>
        <translation>只移动这个任务</translation>
    </message>
</context>
<context>
    <name>GoalsChart</name>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <source>Through:</source>
        <translation>区间：</translation>
    </message>
    <message>
        <source>Cumulative GMV vs target, %1 – %2</source>
        <translation>累计支付金额与目标，%1 – %2</translation>
    </message>
</context>
<context>
    <name>GoalsFunnel</name>
    <message>
        <source>Raise (or lower) last year's conversion by this much</source>
        <translation>把去年的转化率提高（或降低）这么多</translation>
    </message>
    <message>
        <source>Raise (or lower) last year's AOV by this much</source>
        <translation>把去年的客单价提高（或降低）这么多</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Where conversion and AOV come from: the same month last year, or all the imported traffic when last year's month has none</source>
        <translation>转化率和客单价的依据：去年同月；去年同月没有流量数据时，用已导入的全部流量</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>支付转化率: paying buyers ÷ visitors, after the what-if</source>
        <translation>支付转化率：支付买家数 ÷ 访客数（已含假设调整）</translation>
    </message>
    <message>
        <source>AOV</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>客单价: GMV ÷ paying buyers, after the what-if</source>
        <translation>客单价：支付金额 ÷ 支付买家数（已含假设调整）</translation>
    </message>
    <message>
        <source>Visitors needed</source>
        <translation>所需访客数</translation>
    </message>
    <message>
        <source>The target ÷ (conversion × AOV), rounded up</source>
        <translation>目标 ÷（转化率 × 客单价），向上取整</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>推广费用</translation>
    </message>
    <message>
        <source>The visitors needed at last year's ad spend per visitor; — when the traffic imports carry no ad spend</source>
        <translation>按去年每访客的推广花费计算所需访客的花费；流量数据没有推广花费时显示 —</translation>
    </message>
    <message>
        <source>What if conversion changes by</source>
        <translation>假设转化率变化</translation>
    </message>
    <message>
        <source>and AOV by</source>
        <translation>，客单价变化</translation>
    </message>
    <message>
        <source>last year's month</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>all imported traffic</source>
        <translation>全部已导入流量</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Visitors needed: unknown. Import 生意参谋 traffic (访客数, 支付买家数, ad spend) with File → Import… to see how many visitors each month's target needs.</source>
        <translation>所需访客数：未知。通过“文件 → 导入…”导入生意参谋流量数据（访客数、支付买家数、推广花费），即可看到每月目标需要多少访客。</translation>
    </message>
    <message>
        <source>%1 needs %2 visitors in all.</source>
        <translation>%1 年共需 %2 位访客。</translation>
    </message>
    <message>
        <source>At last year's cost per visitor that is %1 of ads.</source>
        <translation>按去年每访客成本，需推广花费 %1。</translation>
    </message>
</context>
<context>
    <name>GoalsGrid</name>
    <message>
        <source>By channel</source>
        <translation>分渠道</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按品类</translation>
    </message>
    <message>
        <source>Channel × category</source>
        <translation>渠道 × 品类</translation>
    </message>
    <message>
        <source>Total only</source>
        <translation>仅合计</translation>
    </message>
    <message>
        <source>Keep the year's total</source>
        <translation>保持全年总额</translation>
    </message>
    <message>
        <source>A typed month is taken from (or given to) the other unlocked months of its column, in proportion, so the year stays the same</source>
        <translation>输入某月后，该列其他未锁定的月份按比例增减，全年总额不变</translation>
    </message>
    <message>
        <source>Keep other months</source>
        <translation>保持其他月份</translation>
    </message>
    <message>
        <source>Only the typed month changes; the line below shows the difference from the annual target</source>
        <translation>只改输入的月份；下方一行显示与年度目标的差额</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Keep the selected months when the year is re-balanced</source>
        <translation>全年重新分配时保留所选月份</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Let the selected months give way again when another month is typed</source>
        <translation>输入其他月份时，所选月份重新参与分配</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Write the year's grid to a workbook, one sheet per breakdown; fill it in and import it back</source>
        <translation>把全年拆解表写入工作簿，每种拆解一个工作表；填好后可导入回来</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Read targets back from a workbook exported here: checked whole, saved as one change (Ctrl+Z undoes)</source>
        <translation>从这里导出的工作簿读回目标：整体检查，作为一次更改保存（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>When a month is typed:</source>
        <translation>输入某月时：</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1 全年</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Typed by hand: locked</source>
        <translation>手动输入：已锁定</translation>
    </message>
    <message>
        <source>Type in yuan (1299.90, ¥1,299.9 or 1.2万); Tab and Enter move on; Ctrl+V pastes a block from Excel; Ctrl+Z undoes</source>
        <translation>以元输入（1299.90、¥1,299.9 或 1.2万）；Tab 和回车移到下一格；Ctrl+V 粘贴 Excel 中复制的区域；Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>The sum of the row's columns</source>
        <translation>本行各列之和</translation>
    </message>
    <message>
        <source>%1 has no goals of this breakdown yet. “Plan a year…” splits a year into months, channels and categories.</source>
        <translation>%1 年还没有这种拆分的目标。“规划全年…”可把全年拆到月份、渠道和品类。</translation>
    </message>
    <message>
        <source>Year %1: %2 in the grid; no annual target set.</source>
        <translation>%1 年：表中合计 %2；未设年度目标。</translation>
    </message>
    <message>
        <source>Year %1: %2 of its 12 months have goals in these columns, adding up to %3; the year's target is %4.</source>
        <translation>%1 年：12 个月中有 %2 个月在这些列设了目标，合计 %3；年度目标 %4。</translation>
    </message>
    <message>
        <source>Year %1: the months add up to %2, %3 over the year's target of %4.</source>
        <translation>%1 年：各月合计 %2，比年度目标 %4 多 %3。</translation>
    </message>
    <message>
        <source>Year %1: the months add up to %2, %3 under the year's target of %4.</source>
        <translation>%1 年：各月合计 %2，比年度目标 %4 少 %3。</translation>
    </message>
    <message>
        <source>Year %1: %2 in the grid, annual target %3.</source>
        <translation>%1 年：表中合计 %2，年度目标 %3。</translation>
    </message>
    <message>
        <source>The months add up to it exactly.</source>
        <translation>各月之和与之完全相等。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1: %2, the month's goal %3</source>
        <translation>%1：%2，当月目标 %3</translation>
    </message>
    <message numerus="yes">
        <source>In %n month(s) these columns no longer add up to the month's goal (%1). The Tracking view and the funnel use the month's goal.</source>
        <translation><numerusform>有 %n 个月这些列之和已不等于当月目标（%1）。跟踪和流量漏斗按当月目标计算。</numerusform></translation>
    </message>
    <message>
        <source>Select the month cell where the pasted block should start, then paste again.</source>
        <translation>请选中粘贴区域起始的月份单元格，再粘贴一次。</translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 rows, but only %n month(s) (follows|follow) from %2. Nothing was changed.</source>
        <translation><numerusform>粘贴的区域有 %1 行，但从 %2 起只剩 %n 个月。未做任何更改。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 columns, but only %n column(s) (follows|follow). Nothing was changed.</source>
        <translation><numerusform>粘贴的区域有 %1 列，但后面只剩 %n 列。未做任何更改。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: %n cell(s) could not be used (%1).</source>
        <translation><numerusform>未粘贴任何内容：有 %n 个单元格无法使用（%1）。</numerusform></translation>
    </message>
    <message>
        <source>The pasted block has no amounts. Nothing was changed.</source>
        <translation>粘贴的区域里没有金额，未做任何修改。</translation>
    </message>
    <message>
        <source>Select month cells that have a target first.</source>
        <translation>请先选中有目标的月份单元格。</translation>
    </message>
    <message>
        <source>Export the grid</source>
        <translation>导出拆解表</translation>
    </message>
    <message>
        <source>%1 sheet(s) written to %2</source>
        <translation>已将 %1 个工作表写入 %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Import targets</source>
        <translation>导入目标</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>All periods</source>
        <translation>全部周期</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>Type the target in yuan (1299.90, ¥1,299.9 or 1.2万); Ctrl+Z undoes</source>
        <translation>以元为单位输入目标（1299.90、¥1,299.9 或 1.2万）；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Actual GMV</source>
        <translation>实际支付金额</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>进度节奏</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>新建目标…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the selected goals to the trash (Ctrl+Z or Edit → Trash… brings them back)</source>
        <translation>将选中的目标移到回收站（Ctrl+Z 或“编辑 → 回收站…”可恢复）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>No goals yet. Goals set for the year, month, channel or category appear here with their progress.</source>
        <translation>还没有目标。为年度、月份、渠道或类目设定的目标及其完成进度会显示在这里。</translation>
    </message>
    <message>
        <source>Select the goals to delete first.</source>
        <translation>请先选中要删除的目标。</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>The first day of the year, half-year, quarter or month</source>
        <translation>年、半年、季度或月的第一天</translation>
    </message>
    <message>
        <source>Category (empty: all)</source>
        <translation>品类（留空：全部）</translation>
    </message>
    <message>
        <source>Target GMV (yuan)</source>
        <translation>目标支付金额（元）</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>新建目标</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>Paid GMV so far in the period, today included (spec: 支付金额)</source>
        <translation>本周期至今的支付金额，含今天（口径：支付金额）</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>达成率: actual ÷ the whole period's target; red when behind the share of the period's finished days</source>
        <translation>达成率：实际 ÷ 整个周期的目标；落后于已结束天数占比时显示红色</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Target − actual; negative when the target is passed</source>
        <translation>目标 − 实际；超额时为负</translation>
    </message>
    <message>
        <source>Needed per day</source>
        <translation>剩余日均需达成</translation>
    </message>
    <message>
        <source>剩余日均需达成: the gap ÷ the days left, today included</source>
        <translation>剩余日均需达成：差距 ÷ 剩余天数（含今天）</translation>
    </message>
    <message>
        <source>Forecast (run rate)</source>
        <translation>预测（按当前速度）</translation>
    </message>
    <message>
        <source>The finished days' sales ÷ finished days × the period's days</source>
        <translation>已结束天数的销售额 ÷ 已结束天数 × 周期天数</translation>
    </message>
    <message>
        <source>Forecast (last year's shape)</source>
        <translation>预测（按去年节奏）</translation>
    </message>
    <message>
        <source>The finished days' sales ÷ the share of last year's same period sold by the same date; — without last year's orders</source>
        <translation>已结束天数的销售额 ÷ 去年同期到同一天的销售占比；没有去年订单时为 —</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By last year's shape when there is one, else the run rate: on track at 100 % of the target, at risk from 90 %, behind below</source>
        <translation>有去年数据时按去年节奏，否则按当前速度：预测达目标 100% 为正常，90% 起为有风险，低于则落后</translation>
    </message>
    <message>
        <source>Actual on the finished days ÷ the target for those days; today is not over, so it does not count yet</source>
        <translation>已结束天数的实际 ÷ 这些天的目标；今天还没结束，暂不计入</translation>
    </message>
    <message>
        <source>Breakdown check</source>
        <translation>拆解核对</translation>
    </message>
    <message>
        <source>Months, channels or categories whose goals do not add up to this goal</source>
        <translation>月、渠道或品类目标之和与本目标不一致</translation>
    </message>
    <message>
        <source>Plan a year…</source>
        <translation>规划全年…</translation>
    </message>
    <message>
        <source>Set a year's or half-year's target and split it into months, channels and categories by last year's orders</source>
        <translation>设定全年或半年目标，并按去年订单拆解到月、渠道和品类</translation>
    </message>
    <message>
        <source>The year the grid, the funnel and the chart show</source>
        <translation>拆解表、漏斗和图表所显示的年份</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>拆解表</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>流量漏斗</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>各月</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>各品类</translation>
    </message>
    <message>
        <source>%1 total %2 (%3)</source>
        <translation>%1合计 %2（%3）</translation>
    </message>
    <message>
        <source>Its months' goals</source>
        <translation>各月目标</translation>
    </message>
    <message>
        <source>Its channels' goals</source>
        <translation>各渠道目标</translation>
    </message>
    <message>
        <source>Its categories' goals</source>
        <translation>各品类目标</translation>
    </message>
    <message>
        <source>%1 add up to %2, %3 over the year's target.</source>
        <translation>%1合计 %2，比年度目标多 %3。</translation>
    </message>
    <message>
        <source>%1 add up to %2, %3 under the year's target.</source>
        <translation>%1合计 %2，比年度目标少 %3。</translation>
    </message>
    <message>
        <source>This year: %1 of %2 (%3), with %4 of the year gone.</source>
        <translation>本年度：已完成 %1 / 目标 %2（%3），全年时间已过去 %4。</translation>
    </message>
</context>
<context>
    <name>IcsExportButton</name>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Errors (rows skipped) and warnings (rows imported with a remark) in the file</source>
        <translation>文件中的错误（已跳过的行）和警告（已导入但有提示的行）</translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation>撤销导入…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n 个错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n 个警告</numerusform></translation>
    </message>
    <message>
        <source>Nothing has been imported yet. Use File → Import… to add your platform exports.</source>
        <translation>还没有导入过任何文件。请使用“文件 → 导入…”添加平台导出文件。</translation>
    </message>
    <message>
        <source>The import of %1 was undone.</source>
        <translation>已撤销 %1 的导入。</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>Undo the import of %1? The orders it added are removed and the ones it changed are put back.</source>
        <translation>撤销 %1 的导入吗？它新增的订单将被删除，它修改过的订单将恢复原样。</translation>
    </message>
    <message>
        <source>Undo the import of %1? The order lines it added are removed and the orders it changed are put back.</source>
        <translation>撤销 %1 的导入？它添加的订单明细将被删除，它修改的订单将被恢复。</translation>
    </message>
    <message>
        <source>Undo the import of %1? The refunds it added are removed and the ones it changed are put back, with their orders' refunded amounts.</source>
        <translation>撤销 %1 的导入？它添加的退款将被删除，它修改的退款将被恢复，相关订单的退款金额也一并恢复。</translation>
    </message>
    <message>
        <source>Undo the import of %1? The traffic days it added are removed and the ones it changed are put back.</source>
        <translation>撤销 %1 的导入？它添加的每日流量将被删除，它修改的将被恢复。</translation>
    </message>
    <message>
        <source>Undo the import of %1? The SKUs and stock levels it added are removed and the ones it changed are put back.</source>
        <translation>撤销 %1 的导入？它添加的 SKU 和库存将被删除，它修改的将被恢复。</translation>
    </message>
    <message>
        <source>Undo the import of %1? The customers it added are removed and the ones it changed are put back.</source>
        <translation>撤销 %1 的导入？它添加的客户将被删除，它修改的客户将被恢复。</translation>
    </message>
    <message>
        <source>Undo the import of %1? What it added is removed and what it changed is put back.</source>
        <translation>撤销 %1 的导入？它添加的内容将被删除，它修改的内容将被恢复。</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>refunds</source>
        <translation>笔退款</translation>
    </message>
    <message>
        <source>traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>products and stock</source>
        <translation>商品和库存</translation>
    </message>
    <message>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>unknown content</source>
        <translation>未知内容</translation>
    </message>
    <message>
        <source>Import platform exports</source>
        <translation>导入平台导出文件</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>结果</translation>
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
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>All SKUs</source>
        <translation>全部 SKU</translation>
    </message>
    <message>
        <source>A SKU shows under every flag it has; its status is the most urgent one</source>
        <translation>SKU 在它的每个预警下都会列出；状态栏显示其中最紧急的一项</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>A, B and C</source>
        <translation>A、B、C 类</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The most urgent of the SKU's flags</source>
        <translation>该 SKU 最紧急的预警</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Units in the warehouse now; type a stock count here</source>
        <translation>仓库现有数量；盘点结果可直接输入在这里</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Sold per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <source>Average units sold per day over the sales window (Settings)</source>
        <translation>销售统计窗口内的日均销量（见设置）</translation>
    </message>
    <message>
        <source>At least the supplier's minimum, rounded up to the order multiple</source>
        <translation>不低于供应商起订量，并向上取整到订货倍数</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>起订量</translation>
    </message>
    <message>
        <source>The supplier's minimum order quantity; 0 = none</source>
        <translation>供应商的最小起订量；0 = 无</translation>
    </message>
    <message>
        <source>ABC·XYZ</source>
        <translation>ABC·XYZ</translation>
    </message>
    <message>
        <source>ABC: share of sales value (A = top 80 %). XYZ: how steady weekly sales are (X steady, Y variable, Z erratic or none)</source>
        <translation>ABC：销售额占比（A = 前 80 %）。XYZ：周销量的稳定程度（X 稳定，Y 波动，Z 无规律或无销量）</translation>
    </message>
    <message>
        <source>The SKUs to reorder now (at or below the reorder point, or running out within the lead time) and those you added, by supplier</source>
        <translation>需要立即补货的 SKU（已到再订货点，或在交货期内会断货）及你加入的 SKU，按供应商分组</translation>
    </message>
    <message>
        <source>Order today (%1)</source>
        <translation>今日下单 (%1)</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Units ordered from the supplier and not yet received (red: a delivery is late; Open deliveries lists each)</source>
        <translation>已向供应商下单但尚未收到的数量（红色：有到货逾期；“在途到货”逐批列出）</translation>
    </message>
    <message>
        <source>(On hand + in transit) ÷ sold per day</source>
        <translation>（现有库存 + 在途）÷ 日均销量</translation>
    </message>
    <message>
        <source>Runs out</source>
        <translation>预计断货</translation>
    </message>
    <message>
        <source>The first day the stock (on hand + in transit) cannot meet the forecast demand</source>
        <translation>库存（在库 + 在途）不足以满足预测需求的第一天</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>最晚下单</translation>
    </message>
    <message>
        <source>Runs out − lead time: the last day to order so the goods arrive in time</source>
        <translation>预计断货日 − 采购周期：货能及时到的最晚下单日</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>采购周期（天）</translation>
    </message>
    <message>
        <source>Days from ordering to the goods being on the shelf</source>
        <translation>从下单到货品上架所需的天数</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>z × σ of daily sales × √lead time, or the number typed in Edit SKU…</source>
        <translation>z × 日销量标准差 × √采购周期，或在“编辑 SKU…”中填写的数量</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Suggested order</source>
        <translation>建议采购量</translation>
    </message>
    <message>
        <source>Order multiple</source>
        <translation>起订倍数</translation>
    </message>
    <message>
        <source>The supplier sells in packs of this many units</source>
        <translation>供应商按此数量的整包出货</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>最近售出</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>周转率</translation>
    </message>
    <message>
        <source>Cost of goods sold in the sales window ÷ stock value at cost</source>
        <translation>统计窗口内的销售成本 ÷ 库存成本金额</translation>
    </message>
    <message>
        <source>Days of inventory</source>
        <translation>库存周转天数</translation>
    </message>
    <message>
        <source>Sales window days ÷ turnover</source>
        <translation>统计窗口天数 ÷ 周转率</translation>
    </message>
    <message>
        <source>Promotion uplift</source>
        <translation>促销拉动</translation>
    </message>
    <message>
        <source>Promotions in the calendar that raise this SKU's forecast: the expected uplift typed in the promotion, else what the same festival sold last year</source>
        <translation>促销日历中提高该 SKU 预测销量的活动：按活动中填写的预计提升，否则按去年同一大促的实际销量</translation>
    </message>
    <message>
        <source>Edit SKU…</source>
        <translation>编辑 SKU…</translation>
    </message>
    <message>
        <source>All of the selected SKU's stock and purchasing facts in one form</source>
        <translation>在一个表单中编辑选中 SKU 的库存和采购信息</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>Type or paste the counted quantities of many SKUs; see the differences before saving</source>
        <translation>输入或粘贴多个 SKU 的盘点数量；保存前先查看差异</translation>
    </message>
    <message>
        <source>Tinted cells can be typed into, or pasted from Excel (Ctrl+V). Ctrl+Z undoes.</source>
        <translation>带底色的单元格可直接输入，或从 Excel 粘贴（Ctrl+V）。Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Order today</source>
        <translation>今日下单</translation>
    </message>
    <message>
        <source>Open deliveries</source>
        <translation>在途到货</translation>
    </message>
    <message>
        <source>What is on its way, one line per Mark as ordered, late ones first: receive all or part of each</source>
        <translation>在途的货，每次标记为已下单一行，逾期的排在最前：每批可全部或部分收货</translation>
    </message>
    <message>
        <source>Add to purchase list</source>
        <translation>加入采购清单</translation>
    </message>
    <message>
        <source>Put the selected SKUs on the purchase list with their suggested quantity, also when they are not due yet</source>
        <translation>把选中的 SKU 按建议数量加入采购清单，即使还没到下单日期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>The selected SKUs' delivery arrived: what is in transit moves to on hand</source>
        <translation>选中 SKU 的货已到：在途数量转入在库</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>No products yet. Import a stock list (File → Import…) to see what runs out and what to reorder.</source>
        <translation>还没有商品。导入库存表（文件 → 导入…）即可查看哪些商品将断货、需要补货。</translation>
    </message>
    <message>
        <source>Open deliveries (%1)</source>
        <translation>在途到货 (%1)</translation>
    </message>
    <message>
        <source>Open deliveries (%1, %2 late)</source>
        <translation>在途到货 (%1，%2 逾期)</translation>
    </message>
    <message>
        <source>%1: %2 out of stock, %3 below safety stock, %4 to reorder now, %5 to order within the review period, %6 overstocked, %7 dead stock, %8 slow-moving. Stock value at cost: %9.</source>
        <translation>共 %1：%2 个缺货，%3 个低于安全库存，%4 个需立即补货，%5 个需在补货周期内下单，%6 个库存积压，%7 个呆滞库存，%8 个滞销。库存成本金额：%9。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n 个 SKU</numerusform></translation>
    </message>
    <message>
        <source>Select slow-moving, dead or overstocked SKUs first.</source>
        <translation>请先选择滞销、呆滞或库存过多的 SKU。</translation>
    </message>
    <message>
        <source>Select a SKU in the table first.</source>
        <translation>请先在表格中选中一个 SKU。</translation>
    </message>
    <message>
        <source>Unit cost (yuan)</source>
        <translation>单位成本（元）</translation>
    </message>
    <message>
        <source>Safety stock (empty: computed)</source>
        <translation>安全库存（留空：自动计算）</translation>
    </message>
    <message>
        <source>Leave empty to let ShopDesk compute it from how much sales vary</source>
        <translation>留空则由店长台根据销量波动自动计算</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
    <message>
        <source>Paying buyers</source>
        <translation>支付买家数</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>支付件数</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>支付转化率</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>成功退款金额</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Unknown: import a traffic report (生意参谋 or the platform's data centre export) for this range to see visitors and conversion.</source>
        <translation>未知：请导入本期的流量报表（生意参谋或平台数据中心导出）以查看访客数和转化率。</translation>
    </message>
    <message>
        <source>Unknown: no buyer accounts in this range. Import order exports that include the buyer (买家会员名 / 下单账号); PDD, Douyin and Kuaishou exports carry none.</source>
        <translation>未知：本期没有买家账号。请导入包含买家信息（买家会员名 / 下单账号）的订单报表；拼多多、抖音和快手的报表不含买家信息。</translation>
    </message>
    <message>
        <source>Unknown: some paid orders in this range have no quantities (their export has no quantity column or no goods rows). Import the goods details (宝贝报表/商品明细) to count units.</source>
        <translation>未知：此期间部分已付款订单没有件数（其导出文件没有数量列或商品明细）。请导入商品明细（宝贝报表/商品明细）以统计件数。</translation>
    </message>
    <message>
        <source>Unknown: no paid orders in this range. Import an order export (File → Import…).</source>
        <translation>未知：本期没有已支付订单。请导入订单报表（文件 → 导入…）。</translation>
    </message>
    <message>
        <source>vs previous period</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>the previous period's</source>
        <translation>上一周期的</translation>
    </message>
    <message>
        <source>vs last year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>last year's</source>
        <translation>去年同期的</translation>
    </message>
    <message>
        <source>Only {n} of {m} days of {which} data are in ShopDesk (its orders start later), so there is no comparison.</source>
        <translation>店长台中只有{which} {m} 天里 {n} 天的数据（订单从更晚才开始），因此不作比较。</translation>
    </message>
    <message>
        <source>Then: {value}</source>
        <translation>对比期：{value}</translation>
    </message>
    <message>
        <source>No data for the comparison period.</source>
        <translation>对比期没有数据。</translation>
    </message>
    <message>
        <source>No goal covers this range; set monthly goals in the Goals tab.</source>
        <translation>本期没有目标；请在“目标”页设置月度目标。</translation>
    </message>
    <message>
        <source>{pct}% of target to date</source>
        <translation>截至目前目标的 {pct}%</translation>
    </message>
    <message>
        <source>Target for the days so far: {target} (the whole period: {full}, {reached}% reached)</source>
        <translation>截至目前的目标：{target}（整个周期：{full}，已完成 {reached}%）</translation>
    </message>
    <message>
        <source>{pct}% of target</source>
        <translation>目标的 {pct}%</translation>
    </message>
    <message>
        <source>Distinct buyer accounts per channel; orders without a buyer account (PDD, Douyin) count as one buyer each, so this is more than the Members tab's customers.</source>
        <translation>按渠道去重的买家账号；没有买家账号的订单（拼多多、抖音）每单算一位买家，所以会多于「会员」页的客户数。</translation>
    </message>
    <message>
        <source>Only channels whose exports carry a buyer account: {channels}.</source>
        <translation>只统计导出表带买家账号的渠道：{channels}。</translation>
    </message>
    <message>
        <source>Goal for this range: {target}</source>
        <translation>本期目标：{target}</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <source>Split the month's goal…</source>
        <translation>分配当月目标…</translation>
    </message>
    <message>
        <source>Give each person a share of the month's goal GMV in percent; the amounts add up to the goal to the fen</source>
        <translation>按百分比给每人分配当月 GMV 目标；金额合计精确到分等于目标</translation>
    </message>
    <message>
        <source>Bonus bands…</source>
        <translation>奖金档位…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>GMV target</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <source>Their share of the month's goal GMV (type an amount, or use “Split the month's goal…”)</source>
        <translation>此人承担的当月 GMV 目标（直接输入金额，或用“分配当月目标…”）</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>GMV actual</source>
        <translation>GMV 实际</translation>
    </message>
    <message>
        <source>The shop's paid GMV of the month × their share of the goal</source>
        <translation>全店当月支付 GMV × 此人的目标占比</translation>
    </message>
    <message>
        <source>GMV achievement</source>
        <translation>GMV 达成率</translation>
    </message>
    <message>
        <source>Tasks on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Tasks done by their due day ÷ tasks due in the month so far (cancelled ones left out)</source>
        <translation>截止日前完成的任务 ÷ 本月目前已到期的任务（不含已取消）</translation>
    </message>
    <message>
        <source>Own measures</source>
        <translation>自定义考核项</translation>
    </message>
    <message>
        <source>Good reviews: 98 / 95; New items: 6 / 5</source>
        <translation>好评率: 98 / 95; 上新款数: 6 / 5</translation>
    </message>
    <message>
        <source>name: actual / target, separated by “;” — higher is better</source>
        <translation>名称: 实际 / 目标，用“;”分隔——越高越好</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>The average of the measured parts: GMV, tasks on time and own measures</source>
        <translation>各考核部分的平均：GMV、按时完成率和自定义考核项</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Bonus %</source>
        <translation>奖金比例</translation>
    </message>
    <message>
        <source>Bonus base</source>
        <translation>奖金基数</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>奖金</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>No team members yet. Add them with “Add team member…”; each person's KPI and bonus for %1 appear here.</source>
        <translation>还没有团队成员。用“添加团队成员…”添加后，这里显示每人 %1 的绩效与奖金。</translation>
    </message>
    <message>
        <source>%1 has no goal yet: set the month's goal in the Goals tab to give each person a share of it. Tasks on time and own measures count meanwhile.</source>
        <translation>%1 还没有目标：请在“目标”页设置当月目标，再给每人分配占比。在此之前按时完成率和自定义考核项照常计算。</translation>
    </message>
    <message>
        <source>%1 goal %2; shared out %3; bonuses %4.</source>
        <translation>%1 目标 %2；已分配 %3；奖金合计 %4。</translation>
    </message>
    <message>
        <source>%1 of the goal is not given to anyone yet.</source>
        <translation>还有 %1 的目标没有分配给任何人。</translation>
    </message>
    <message>
        <source>The shares add up to %1 more than the goal.</source>
        <translation>分配合计比目标多 %1。</translation>
    </message>
    <message>
        <source>The month is not over (%1 of %2 days): GMV counts the sales so far against the whole month's target.</source>
        <translation>本月尚未结束（第 %1 天，共 %2 天）：GMV 按目前的销售额对比整月目标计算。</translation>
    </message>
    <message>
        <source>Shares (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <source>A name and a percentage each, e.g. “%1”; they must total 100 %.</source>
        <translation>每项写姓名和百分比，例如“%1”；合计必须为 100 %。</translation>
    </message>
    <message>
        <source>Split the goal of %1</source>
        <translation>分配 %1 的目标</translation>
    </message>
    <message>
        <source>The month's goal (%1 to %2) is split among the people you list, exact to the fen; the odd fen go to the largest remainders.</source>
        <translation>当月目标（%1 至 %2）按列出的人员分配，精确到分；零头的分按最大余数分配。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>“from %: bonus %” pairs: “0: 0; 80: 5; 100: 8; 120: 12” pays nothing below 80 %, 5 % of the base from 80 % (inclusive) to under 100 %, 8 % from 100 % to under 120 %, 12 % from 120 %.</source>
        <translation>“起点 %: 奖金 %”成对填写：“0: 0; 80: 5; 100: 8; 120: 12”表示低于 80 % 没有奖金，80 %（含）到不足 100 % 发基数的 5 %，100 % 到不足 120 % 发 8 %，120 % 及以上发 12 %。</translation>
    </message>
    <message>
        <source>Bonus bands</source>
        <translation>奖金档位</translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Export numbers to Excel…</source>
        <translation>导出数据到 Excel…</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>日期范围：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>今年至今</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>{start} – {end} ({days}) · compared with {pstart} – {pend} and {lstart} – {lend}</source>
        <translation>{start} – {end}（{days}）· 环比 {pstart} – {pend}，同比 {lstart} – {lend}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <source>No paid orders from {start} to {end}. The shop's paid orders run from {first} to {last}: &lt;a href="span"&gt;show those dates&lt;/a&gt;.</source>
        <translation>{start} 至 {end} 没有已付款订单。本店的已付款订单在 {first} 至 {last} 之间：&lt;a href="span"&gt;查看这段日期&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Amounts in yuan (CNY); %1 converted at each month's rate from Settings → Channels.</source>
        <translation>金额单位为人民币（CNY）；%1 按“设置 → 渠道”中的各月汇率折算。</translation>
    </message>
    <message>
        <source>Not in the totals: %1 — GMV %2, %3, net sales %4 (%5).</source>
        <translation>未计入合计：%1 — 支付金额 %2，%3，净销售额 %4（%5）。</translation>
    </message>
    <message numerus="yes">
        <source>%n paid order(s)</source>
        <translation><numerusform>%n 笔已付订单</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2 in %3) is left out until %4 has a rate for %5</source>
        <translation>%1（%3，%2）在填写 %5 的 %4 汇率前不计入</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation><numerusform>%n 笔订单</numerusform></translation>
    </message>
    <message>
        <source>The totals above exclude %1.</source>
        <translation>以上合计不含 %1。</translation>
    </message>
    <message>
        <source>This chart could not be drawn; the error message says why.</source>
        <translation>无法绘制此图表；原因见错误信息。</translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>No paid orders in this range. Import an order export (File → Import…) or pick another range.</source>
        <translation>本期没有已支付订单。请导入订单报表（文件 → 导入…）或选择其他日期范围。</translation>
    </message>
    <message>
        <source>No paid orders in yuan in this range: %1 (Settings → Channels).</source>
        <translation>此范围内没有以人民币计的支付订单：%1（设置 → 渠道）。</translation>
    </message>
    <message>
        <source>Inventory turnover by category (whole shop: the channels share the stock)</source>
        <translation>分类目库存周转（全店：各渠道共用库存）</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Numbers exported to {path}</source>
        <translation>数据已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <source>%1 saved a change; the tabs showing it were updated.</source>
        <translation>%1 保存了一项修改；相关页面已更新。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Connected to the server again; everything shown was reloaded.</source>
        <translation>已重新连接到服务器；所有显示的内容已重新加载。</translation>
    </message>
    <message>
        <source>Connection to the server lost — retrying…</source>
        <translation>与服务器的连接已断开——正在重试…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk 店长台</source>
        <translation>店长台 ShopDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
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
        <source>&amp;About ShopDesk</source>
        <translation>关于店长台(&amp;A)</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Print monthly plan…</source>
        <translation>打印月度计划…</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Sleeping (no order for %1 days)</source>
        <translation>沉睡客户（%1 天未下单）</translation>
    </message>
    <message>
        <source>At-risk high-value</source>
        <translation>高价值流失风险</translation>
    </message>
    <message>
        <source>Close to the next tier</source>
        <translation>即将升级</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Segment (RFM)</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>R, F and M scored 1–5 by quintiles; 4 or 5 counts as high</source>
        <translation>R、F、M 按五分位打 1–5 分；4 或 5 分为高</translation>
    </message>
    <message>
        <source>R-F-M</source>
        <translation>R-F-M</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Paid minus successful refunds</source>
        <translation>实付金额减去成功退款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <source>Next tier</source>
        <translation>下一等级</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>升级还需</translation>
    </message>
    <message>
        <source>Favourite categories</source>
        <translation>偏好类目</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Your own tags, separated by commas; Ctrl+Z undoes</source>
        <translation>您自己的标签，用逗号分隔；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>%1: %2 (%3, %4)</source>
        <translation>%1：%2 人（%3，平均 %4未购）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2). %3 bought more than once; %4 for over %5 days.</source>
        <translation>共 %1（%2）。%3 位复购过；%4已超过 %5 天未购买。</translation>
    </message>
    <message>
        <source>%1. %3 bought more than once; %4 for over %5 days.</source>
        <translation>共 %1。%3 位复购过；%4已超过 %5 天未购买。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>From tier</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To tier</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作方</translation>
    </message>
    <message>
        <source>Tier rules…</source>
        <translation>等级规则…</translation>
    </message>
    <message>
        <source>Recompute tiers and points</source>
        <translation>重算等级和积分</translation>
    </message>
    <message>
        <source>Upgrade whoever reached a higher tier; downgrade, one tier, those whose validity ended below the retention (保级) threshold; earn points on new paid orders and let lapsed points expire</source>
        <translation>达到更高等级的立即升级；有效期结束时低于保级线的降一级；为新的已付款订单发放积分，并让到期积分过期</translation>
    </message>
    <message>
        <source>Rebuild from orders</source>
        <translation>按订单重建客户</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>等级变动记录</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <source>Tiers and segments</source>
        <translation>等级与分群</translation>
    </message>
    <message>
        <source>Repurchase and cohorts</source>
        <translation>复购与同期群</translation>
    </message>
    <message>
        <source>Export lists…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <source>Write the recall lists (sleeping, at-risk high-value, close to the next tier) for an SMS or WeChat campaign: one sheet per list, phone and name as the shop's exports gave them</source>
        <translation>导出召回名单（沉睡客户、高价值流失风险、即将升级），用于短信或微信营销：每个名单一个工作表，手机号和姓名与店铺导出的一致</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>No members yet. Customers appear here once orders with a buyer account (or a member export) are imported.</source>
        <translation>还没有会员。导入带买家账号的订单（或会员导出表）后，客户会显示在这里。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No tier rules yet: “Tier rules…” sets them (普通/银卡/金卡/黑卡 by spend, points).</source>
        <translation>尚未设置会员等级规则：点“等级规则…”设置（按消费分普通/银卡/金卡/黑卡，以及积分）。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation><numerusform>%n 位客户</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n (has|have) not bought</source>
        <translation><numerusform>%n 位</numerusform></translation>
    </message>
    <message>
        <source>Tiers follow</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <source>Spend in the window</source>
        <translation>周期内消费金额</translation>
    </message>
    <message>
        <source>Paid orders in the window</source>
        <translation>周期内支付订单数</translation>
    </message>
    <message>
        <source>Reopen this form after changing it: thresholds are yuan for spend, a count for orders</source>
        <translation>修改后请重新打开本窗口：按消费时门槛为元，按订单时为笔数</translation>
    </message>
    <message>
        <source>Rolling window (days)</source>
        <translation>滚动周期（天）</translation>
    </message>
    <message>
        <source>Validity (days)</source>
        <translation>有效期（天）</translation>
    </message>
    <message>
        <source>A member below the retention (保级) threshold when this ends drops one tier</source>
        <translation>有效期结束时未达保级门槛的会员降一级</translation>
    </message>
    <message>
        <source>Points per yuan paid</source>
        <translation>每实付 1 元得积分</translation>
    </message>
    <message>
        <source>Times each tier's multiplier below; 0 turns earning off</source>
        <translation>再乘以下方各等级的倍率；填 0 则不发积分</translation>
    </message>
    <message>
        <source>Points valid (months)</source>
        <translation>积分有效期（月）</translation>
    </message>
    <message>
        <source>Unspent points lapse this many months after earning</source>
        <translation>未使用的积分在获得后这么多个月过期</translation>
    </message>
    <message>
        <source>Tier %1 name</source>
        <translation>等级 %1 名称</translation>
    </message>
    <message>
        <source>  upgrade at</source>
        <translation>  升级门槛</translation>
    </message>
    <message>
        <source>  retention (保级) at</source>
        <translation>  保级门槛</translation>
    </message>
    <message>
        <source>  points multiplier (%)</source>
        <translation>  积分倍率（%）</translation>
    </message>
    <message>
        <source>100 = ×1, 150 = ×1.5</source>
        <translation>100 = 1 倍，150 = 1.5 倍</translation>
    </message>
    <message>
        <source>  benefits</source>
        <translation>  会员权益</translation>
    </message>
    <message>
        <source>Tier rules</source>
        <translation>等级规则</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>还有 %n 个</numerusform></translation>
    </message>
</context>
<context>
    <name>OrderKeyPanel</name>
    <message>
        <source>No order number column: identify the orders by</source>
        <translation>没有订单编号列：识别订单的依据</translation>
    </message>
    <message>
        <source>Buyer and order created time</source>
        <translation>买家和下单时间</translation>
    </message>
    <message>
        <source>Buyer and payment time</source>
        <translation>买家和付款时间</translation>
    </message>
    <message>
        <source>Choose the order number column above; or, if the file has none, the columns of the buyer (Buyer account) and of the order created time or payment time: each row is then one order, identified by them.</source>
        <translation>请在上方选择订单编号列；如果文件没有订单编号，请选择买家（买家账号）列以及下单时间或付款时间列：每一行就是一笔订单，由它们识别。</translation>
    </message>
    <message>
        <source>ShopDesk numbers each order from them, the first row as %1, so importing this file again, or one that overlaps it, updates these orders and never adds them twice.</source>
        <translation>店长台据此为每笔订单生成编号（第一行为 %1），因此再次导入此文件或与它有重叠的文件时，会更新这些订单，绝不会重复添加。</translation>
    </message>
    <message>
        <source>ShopDesk numbers each order from them, so importing this file again, or one that overlaps it, updates these orders and never adds them twice.</source>
        <translation>店长台据此为每笔订单生成编号，因此再次导入此文件或与它有重叠的文件时，会更新这些订单，绝不会重复添加。</translation>
    </message>
</context>
<context>
    <name>PlanWizard</name>
    <message>
        <source>Plan a year</source>
        <translation>规划全年</translation>
    </message>
    <message>
        <source>Replace the goals?</source>
        <translation>替换已有目标？</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n goal(s) already (the period, its months and their channel and category goals). Replace (it|them) with this plan? (It goes|They go) to the trash; Ctrl+Z brings (it|them) back.</source>
        <translation><numerusform>%1已有 %n 个目标（该周期、各月及其渠道和品类目标）。用此规划替换它们吗？它们会移入回收站；Ctrl+Z 可恢复。</numerusform></translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <source>Select a customer above to see their points ledger.</source>
        <translation>在上方选择一位客户，查看其积分明细。</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <source>Add or take points with a reason (a redemption, a goodwill gesture); Ctrl+Z undoes</source>
        <translation>填写原因后增加或扣减积分（兑换、补偿等）；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Export ledger…</source>
        <translation>导出积分明细…</translation>
    </message>
    <message>
        <source>Every customer's points ledger with the running balance (`export points-ledger FILE`)</source>
        <translation>所有客户的积分明细及逐笔余额（`export points-ledger FILE`）</translation>
    </message>
    <message>
        <source>✓ Every customer's points equal the sum of their ledger.</source>
        <translation>✓ 每位客户的积分余额都等于其积分明细之和。</translation>
    </message>
    <message numerus="yes">
        <source>✗ %n (customer's|customers') points differ from the ledger: %1. Recompute tiers and points sets each balance to its ledger.</source>
        <translation><numerusform>✗ 有 %n 位客户的积分余额与明细不符：%1。点击“重算等级和积分”会把余额改回明细之和。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Points of %1: %2 (%n ledger line(s))</source>
        <translation><numerusform>%1 的积分：%2（%n 条明细）</numerusform></translation>
    </message>
    <message>
        <source>Points to add (or take, with a minus sign)</source>
        <translation>增加的积分（扣减请加负号）</translation>
    </message>
    <message>
        <source>A deduction takes the oldest points first</source>
        <translation>扣减时先扣最早获得的积分</translation>
    </message>
    <message>
        <source>e.g. 积分兑换：10元券, 客服补偿</source>
        <translation>例如：积分兑换：10元券、客服补偿</translation>
    </message>
    <message>
        <source>Adjust points of %1</source>
        <translation>调整 %1 的积分</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Awaiting payment</source>
        <translation>等待付款</translation>
    </message>
    <message>
        <source>Paid, not shipped</source>
        <translation>已付款待发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Buyer name</source>
        <translation>买家名称</translation>
    </message>
    <message>
        <source>Status as written</source>
        <translation>原始状态</translation>
    </message>
    <message>
        <source>Goods amount</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细数</translation>
    </message>
    <message>
        <source>Paid?</source>
        <translation>已付款？</translation>
    </message>
    <message>
        <source>Pay date</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>&lt;span style='background:%1'&gt;&amp;nbsp;red&amp;nbsp;&lt;/span&gt; rows have errors and are skipped · &lt;span style='background:%2'&gt;&amp;nbsp;amber&amp;nbsp;&lt;/span&gt; rows are imported with a warning · hover a row for the message</source>
        <translation>&lt;span style='background:%1'&gt;&amp;nbsp;红色&amp;nbsp;&lt;/span&gt;行有错误，将被跳过 · &lt;span style='background:%2'&gt;&amp;nbsp;黄色&amp;nbsp;&lt;/span&gt;行会导入但有警告 · 鼠标悬停查看说明</translation>
    </message>
    <message>
        <source>Check what will be imported</source>
        <translation>核对将要导入的内容</translation>
    </message>
    <message>
        <source>The first rows of each file as ShopDesk reads them. Nothing is written until you click Import.</source>
        <translation>以下是店长台读取到的每个文件的前几行。点击“导入”之前不会写入任何数据。</translation>
    </message>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation><numerusform>导入 %n 个文件</numerusform></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>分渠道</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按品类</translation>
    </message>
    <message>
        <source>last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>last year, scaled</source>
        <translation>去年（折算）</translation>
    </message>
    <message>
        <source>average month</source>
        <translation>月平均</translation>
    </message>
    <message>
        <source>even</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 in %n month(s).</source>
        <translation><numerusform>%1：%2，共 %n 个月。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saving replaces the %n (goal|goals) already set within this period (Ctrl+Z brings (it|them) back).</source>
        <translation><numerusform>保存将替换此周期内已有的 %n 个目标（Ctrl+Z 可恢复）。</numerusform></translation>
    </message>
</context>
<context>
    <name>PromotionsTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Year view</source>
        <translation>年历</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>上个月（Page Up）</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>下个月（Page Down）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>New promotion…</source>
        <translation>新建促销…</translation>
    </message>
    <message>
        <source>Festivals…</source>
        <translation>节日…</translation>
    </message>
    <message>
        <source>Choose the festivals shown for each platform and add your own</source>
        <translation>选择每个平台显示的节日，并添加自定义节日</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>% of target</source>
        <translation>目标完成率</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线销售额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Measured cost; while no result is recorded, the budget (prorated to the days run for a running promotion)</source>
        <translation>实测成本；尚未记录结果时为预算（进行中的促销按已进行天数折算）</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>成本口径</translation>
    </message>
    <message>
        <source>Where the cost comes from: a measured result, the budget prorated to the days a running promotion has run (so ROAS compares like with like), or the whole budget</source>
        <translation>成本从哪里来：实测结果、进行中促销按已进行天数折算的预算（让 ROAS 对比同样的天数），或全部预算</translation>
    </message>
    <message>
        <source>GMV ÷ cost</source>
        <translation>支付金额 ÷ 费用</translation>
    </message>
    <message>
        <source>ROAS</source>
        <translation>投入产出比</translation>
    </message>
    <message>
        <source>Incremental ROI</source>
        <translation>增量回报率</translation>
    </message>
    <message>
        <source>(GMV − baseline) ÷ cost: what the money really bought</source>
        <translation>（支付金额 − 基线）÷ 费用：这笔钱真正带来的销售</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Incremental gross profit ÷ cost (right-click → Effect… for the details)</source>
        <translation>增量毛利 ÷ 费用（右键 → 效果… 查看明细）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Calendar (.ics)…</source>
        <translation>导出日历 (.ics)…</translation>
    </message>
    <message>
        <source>Lighter: warm-up / pre-sale; darker: peak day</source>
        <translation>浅色：预热 / 预售；深色：巅峰日</translation>
    </message>
    <message>
        <source>Click a day to add a promotion; double-click a bar to edit it; drag it to move it, or drag its end to change that date; right-click for more. Ctrl+Z undoes.</source>
        <translation>点击某一天新增促销；双击色条修改；拖动色条移动日期，拖动色条一端修改开始或结束日期；右键查看更多操作。Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Previous year (Page Up)</source>
        <translation>上一年（Page Up）</translation>
    </message>
    <message>
        <source>Previous week (Page Up)</source>
        <translation>上一周 (Page Up)</translation>
    </message>
    <message>
        <source>Next year (Page Down)</source>
        <translation>下一年（Page Down）</translation>
    </message>
    <message>
        <source>Next week (Page Down)</source>
        <translation>下一周 (Page Down)</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>%1 – %2, %3</source>
        <translation>%3年 %1 – %2</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销日历</translation>
    </message>
    <message>
        <source>Target GMV %1</source>
        <translation>目标支付金额 %1</translation>
    </message>
    <message>
        <source>Budget %1 (discount %2 + ads %3)</source>
        <translation>预算 %1（折扣 %2 + 推广 %3）</translation>
    </message>
    <message>
        <source>Budget %1 prorated to the %2 of %3 days run so far</source>
        <translation>预算 %1 按已进行的 %2/%3 天折算</translation>
    </message>
    <message>
        <source>Budget × %1/%2 days</source>
        <translation>预算 × %1/%2 天</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>已实测</translation>
    </message>
    <message>
        <source>Whole budget</source>
        <translation>全部预算</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel names separated by commas, e.g. Taobao/Tmall, Pinduoduo; empty: every channel</source>
        <translation>用逗号分隔渠道名称，例如 淘宝/天猫, 拼多多；留空表示所有渠道</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Optional: a name and two dates each, separated by ;  e.g. 预热 11-01~11-03; 正式 11-04~11-11</source>
        <translation>可选：每个阶段写名称和两个日期，用 ; 分隔，例如 预热 11-01~11-03; 正式 11-04~11-11</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>优惠档位</translation>
    </message>
    <message>
        <source>Optional: from the lowest threshold up, separated by spaces, commas, 、 or ;  e.g. 满300减30 满500减60 — or 9折, 满500打8.5折, 15% off, 满399送主人杯, 3人团 ¥59, 券 满199减20, 券 无门槛10, 秒杀 ¥39, 会员 9.5折. Each tier asks for more and gives more than the one before; at most 10. For 每满300减30, type the tiers it gives: 满300减30 满600减60.</source>
        <translation>可选：从最低门槛起，用空格、逗号、顿号（、）或分号分隔，例如 满300减30 满500减60 —— 或 9折、满500打8.5折、15% off、满399送主人杯、3人团 ¥59、券 满199减20、券 无门槛10、秒杀 ¥39、会员 9.5折。每一档的门槛和优惠都要高于上一档；最多 10 档。每满300减30 请写成它给出的各档：满300减30 满600减60。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Discount cost (yuan)</source>
        <translation>折扣成本（元）</translation>
    </message>
    <message>
        <source>What the tiers, coupons and member prices give away</source>
        <translation>满减、优惠券、会员价等让利的金额</translation>
    </message>
    <message>
        <source>Ad spend (yuan)</source>
        <translation>推广费用（元）</translation>
    </message>
    <message>
        <source>Ads, platform fees, samples, influencers; the budget is discount cost + ad spend</source>
        <translation>广告、平台费用、样品、达人等；预算 = 折扣成本 + 推广费用</translation>
    </message>
    <message>
        <source>Target GMV (yuan)</source>
        <translation>目标支付金额（元）</translation>
    </message>
    <message>
        <source>Optional: the GMV you aim at in its days and channels</source>
        <translation>可选：活动期间、所选渠道内希望达到的GMV</translation>
    </message>
    <message>
        <source>Expected uplift</source>
        <translation>预期提升</translation>
    </message>
    <message>
        <source>How much more than usual you expect to sell, e.g. 30%</source>
        <translation>预计比平时多卖多少，例如 30%</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>新建促销</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>修改促销</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Effect…</source>
        <translation>效果…</translation>
    </message>
    <message>
        <source>Copy to next year</source>
        <translation>复制到明年</translation>
    </message>
    <message>
        <source>Create tasks from SOP…</source>
        <translation>按 SOP 创建任务…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New promotion on %1…</source>
        <translation>在 %1 新建促销…</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>月历</translation>
    </message>
    <message>
        <source>List view</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Paid GMV of the promotion's channels, and of its categories or SKUs when it names them, between its start and end (to today while it runs). Promotions that overlap share the same days' sales.</source>
        <translation>促销期间（进行中则截至今天）其渠道的支付金额；指定了类目或 SKU 时只计这些商品。时间重叠的促销共享同一天的销售额。</translation>
    </message>
    <message>
        <source>GMV of the same number of days right before it, in the same channels and scope</source>
        <translation>活动前紧挨着的同样天数的支付金额，相同渠道和范围</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>GMV of the same festival last year, in the same channels and scope</source>
        <translation>去年同一节日的支付金额，相同渠道和范围</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>提升</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) sold without a unit cost</source>
        <translation><numerusform>%n 个售出的 SKU 没有单位成本</numerusform></translation>
    </message>
    <message>
        <source>Write the promotions of the month on screen (in the year and list views: of the year) to an .ics file that phones, Outlook and Google Calendar import: one all-day event per promotion and phase</source>
        <translation>把当前显示月份（年视图和列表视图下为全年）的促销写入 .ics 文件，可导入手机日历、Outlook 和 Google 日历：每个促销及每个阶段各一个全天事件</translation>
    </message>
    <message>
        <source>Festivals are tinted and named above the bars; today is outlined in blue. Click a bar to edit it, an empty day to plan a promotion there; drag a bar to move it (a row down is a month later) or its end to change that date; Ctrl+Z undoes; ‹ › change the year.</source>
        <translation>平台大促的日子有底色，名称标在横条上方；今天用蓝框标出。点击横条编辑促销，点击空白日期在当天新建促销；拖动横条可移动促销（往下一行即推后一个月），拖动两端可修改开始或结束日期；Ctrl+Z 撤销；‹ › 切换年份。</translation>
    </message>
    <message>
        <source>No promotions yet. Click a day on the calendar (or New promotion…) to plan one; platform festivals are shaded on their days.</source>
        <translation>还没有促销。点击日历上的某一天（或“新建促销…”）来计划一个；平台大促的日期已用底色标出。</translation>
    </message>
    <message>
        <source>Running now: %1.</source>
        <translation>正在进行：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Next: %1 starts %2 (in %n day(s)).</source>
        <translation><numerusform>下一个：%1 于 %2 开始（还有 %n 天）。</numerusform></translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>效果对比…</translation>
    </message>
    <message>
        <source>Every promotion of the year side by side: which kind pays back?</source>
        <translation>全年每个促销并排对比：哪类促销能回本？</translation>
    </message>
</context>
<context>
    <name>PurchaseListView</name>
    <message>
        <source>(no supplier)</source>
        <translation>（无供应商）</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>最晚下单</translation>
    </message>
    <message>
        <source>Red: the day has passed; the stock runs out before a new delivery can arrive</source>
        <translation>红色：已过最晚下单日，新货到达前库存就会断</translation>
    </message>
    <message>
        <source>Runs out</source>
        <translation>预计断货</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议数量</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The suggested order: at least the supplier's minimum, in its order multiple</source>
        <translation>建议采购量：不低于供应商起订量，按订货倍数</translation>
    </message>
    <message>
        <source>What you will order: type a number (blue: typed by you; 0 leaves the SKU out)</source>
        <translation>实际采购数量：可直接输入（蓝色为手动填写；填 0 则不采购该 SKU）</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Expected arrival</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Ordered today: today + the SKU's lead time</source>
        <translation>今天下单：今天 + 该 SKU 的采购周期</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Earliest order-by</source>
        <translation>最早下单日</translation>
    </message>
    <message>
        <source>Mark as ordered</source>
        <translation>标记为已下单</translation>
    </message>
    <message>
        <source>The selected lines (or all of them when none is selected) go in transit, expected after each SKU's lead time</source>
        <translation>选中的行（未选中时为全部）转为在途，按各 SKU 的采购周期预计到货</translation>
    </message>
    <message>
        <source>Excel for suppliers…</source>
        <translation>导出供应商 Excel…</translation>
    </message>
    <message>
        <source>One sheet per supplier with its lines and total, ready to send</source>
        <translation>每个供应商一个工作表，含明细和合计，可直接发送</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print preview: print it, or save it as a PDF</source>
        <translation>打印预览：可打印，或另存为 PDF</translation>
    </message>
    <message>
        <source>No products yet: the purchase list fills in once stock and orders are imported.</source>
        <translation>还没有商品：导入库存和订单后，这里会列出采购清单。</translation>
    </message>
    <message>
        <source>Nothing has to be ordered today: every SKU's order-by date is still ahead. Select SKUs in the alert list and press Add to purchase list to order early.</source>
        <translation>今天不需要下单：所有 SKU 的最晚下单日都还没到。可在预警列表中选中 SKU 并点“加入采购清单”提前采购。</translation>
    </message>
    <message>
        <source>%1 from %2 to order: %3, %4 at cost. Type a quantity to change it; Mark as ordered puts them in transit.</source>
        <translation>需向 %2采购 %1：共 %3，成本 %4。可直接修改数量；“标记为已下单”会把它们转为在途。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n 个 SKU</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n supplier(s)</source>
        <translation><numerusform>%n 个供应商</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
    <message>
        <source>Purchase list %1</source>
        <translation>采购清单 %1</translation>
    </message>
    <message>
        <source>Excel for suppliers</source>
        <translation>导出供应商 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1: one sheet per supplier.</source>
        <translation>已保存 %1：每个供应商一个工作表。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Discard your changes?</source>
        <translation>放弃所做的修改？</translation>
    </message>
    <message>
        <source>You changed this form. Close it without saving?</source>
        <translation>此表单已修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>%1 cannot be left empty: type a value.</source>
        <translation>%1不能为空：请填写。</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Select the cell where the pasted block should start, then paste again.</source>
        <translation>请先选中粘贴区域左上角的单元格，再粘贴一次。</translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 rows, but only %n row(s) (is|are) shown from the selected cell down. Nothing was changed.</source>
        <translation><numerusform>粘贴的内容有 %1 行，但从选中的单元格往下只显示了 %n 行。未做任何更改。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 columns, but only %n column(s) (is|are) shown from the selected cell to the right. Nothing was changed.</source>
        <translation><numerusform>粘贴的内容有 %1 列，但从选中的单元格往右只显示了 %n 列。未做任何更改。</numerusform></translation>
    </message>
    <message>
        <source>row %1, %2: this column cannot be edited</source>
        <translation>第 %1 行“%2”：这一列不能编辑</translation>
    </message>
    <message>
        <source>row %1, %2: %3</source>
        <translation>第 %1 行“%2”：%3</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: %n cell(s) could not be used (%1).</source>
        <translation><numerusform>未粘贴任何内容：有 %n 个单元格无法使用（%1）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>共 %n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s)</source>
        <translation><numerusform>显示 %1 / 共 %n 行</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Platform · kind</source>
        <translation>平台 · 类型</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Export these rows to Excel…</source>
        <translation>把这些行导出到 Excel…</translation>
    </message>
    <message>
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，没有导入任何数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported: </source>
        <translation><numerusform>已导入 %n 个文件：</numerusform></translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 unchanged, %4.</source>
        <translation>新增 %1，更新 %2，未变 %3，%4。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped</source>
        <translation><numerusform>跳过 %n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Matched to a SKU by its title: %n order line(s) without a SKU code, whose sales now count for it.</source>
        <translation><numerusform>已按商品标题匹配到 SKU：%n 条没有商家编码的订单行，其销量现已计入该 SKU。</numerusform></translation>
    </message>
    <message>
        <source>Cancelled. The files after the cancelled one were not imported.</source>
        <translation>已取消。被取消的文件及其后的文件均未导入。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) added</source>
        <translation><numerusform>新增 %n 条订单明细</numerusform></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Remove what this file added and put back what it changed</source>
        <translation>删除此文件新增的数据，并恢复它修改过的数据</translation>
    </message>
    <message>
        <source>Problems in %1</source>
        <translation>%1 中的问题</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Write these rows with their problems to an Excel file, to fix the export and import it again</source>
        <translation>把这些行及其问题写入 Excel 文件，修正后再次导入</translation>
    </message>
    <message>
        <source>%1 - rows to fix.xlsx</source>
        <translation>%1 - 待修正的行.xlsx</translation>
    </message>
    <message>
        <source>Export the rows to fix</source>
        <translation>导出待修正的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The rows to fix were written to %1.</source>
        <translation>待修正的行已写入 %1。</translation>
    </message>
    <message>
        <source>The import of %1 was undone.</source>
        <translation>已撤销 %1 的导入。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Waiting for another import into this shop to finish…</source>
        <translation>正在等待另一个导入完成…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>第 %1 个文件，共 %2 个：%3</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>ShopDesk hit an unexpected problem (%1). Nothing was imported from this file; the details are in the log file.</source>
        <translation>店长台遇到了意外问题（%1）。此文件没有导入任何数据；详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported from this file</source>
        <translation>已取消，此文件没有导入任何数据</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ScopeField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Scope of the promotion</source>
        <translation>促销适用范围</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>各品类</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Which goods does the promotion cover? A category covers all its SKUs. Type in a search box to filter its list by name, code or category.</source>
        <translation>这个促销覆盖哪些商品？选中类目即包含其下所有 SKU。在搜索框中输入名称、编码或类目可筛选列表。</translation>
    </message>
</context>
<context>
    <name>SegmentCharts</name>
    <message>
        <source>Click a segment to list its members in the table above</source>
        <translation>点击某个分群，在上方表格中列出其客户</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Average daily sales are taken over this many days up to today</source>
        <translation>日均销量按截至今天的这么多天计算</translation>
    </message>
    <message>
        <source>How often a delivery should arrive before the shelf is empty; higher keeps more safety stock</source>
        <translation>到货早于断货的把握程度；越高，安全库存越多</translation>
    </message>
    <message>
        <source>Days between two orders: the order covers them, and SKUs to order within them are running low</source>
        <translation>两次采购之间的天数：每次采购覆盖这段时间；需在这段时间内下单的 SKU 标为“即将缺货”</translation>
    </message>
    <message>
        <source>A SKU with stock and no sale for longer is slow-moving</source>
        <translation>有库存且超过这么多天没有销售的 SKU 为滞销</translation>
    </message>
    <message>
        <source>A SKU with stock and no sale for longer is dead stock</source>
        <translation>有库存且超过这么多天没有销售的 SKU 为呆滞库存</translation>
    </message>
    <message>
        <source>A selling SKU with more days of cover than this is overstocked</source>
        <translation>在售 SKU 的可售天数超过此值即为库存过多</translation>
    </message>
    <message>
        <source>A: the best sellers making up this share of sales value</source>
        <translation>A 类：累计占销售额这一比例的畅销品</translation>
    </message>
    <message>
        <source>B: the next ones up to this share; the rest are C</source>
        <translation>B 类：累计到这一比例的其次商品；其余为 C 类</translation>
    </message>
    <message>
        <source>X (steady): weekly sales vary by at most this coefficient of variation</source>
        <translation>X（稳定）：周销量变异系数不超过此值</translation>
    </message>
    <message>
        <source>Y (variable) up to this coefficient of variation; above it Z (erratic)</source>
        <translation>Y（波动）：变异系数不超过此值；超过为 Z（不规律）</translation>
    </message>
    <message>
        <source>Contact: Wang Li 138 0000 0000
Address: 88 Wensan Road, Hangzhou</source>
        <translation>联系人：王丽 138 0000 0000
地址：杭州市文三路 88 号</translation>
    </message>
    <message>
        <source>Printed under the shop's name on the purchase list's Excel and print: one line each, at most 6</source>
        <translation>打印在采购单 Excel 和打印件的店铺名称下方：每行一项，最多 6 行</translation>
    </message>
    <message>
        <source>The new language applies the next time ShopDesk starts.</source>
        <translation>新的语言将在下次启动店长台时生效。</translation>
    </message>
    <message>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
    <message>
        <source>This computer's shop file, or the team's shared server</source>
        <translation>本机的店铺文件，或团队共享的服务器</translation>
    </message>
    <message>
        <source>Team accounts…</source>
        <translation>团队账号…</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Daily backups kept:</source>
        <translation>保留每日备份数：</translation>
    </message>
    <message>
        <source>Weekly backups kept:</source>
        <translation>保留每周备份数：</translation>
    </message>
    <message>
        <source>Currency symbol:</source>
        <translation>货币符号：</translation>
    </message>
    <message>
        <source>Fiscal year starts in:</source>
        <translation>财年起始月份：</translation>
    </message>
    <message>
        <source>Inventory sales window:</source>
        <translation>库存销量统计窗口：</translation>
    </message>
    <message>
        <source>Inventory service level:</source>
        <translation>库存服务水平：</translation>
    </message>
    <message>
        <source>Review period:</source>
        <translation>采购周期间隔：</translation>
    </message>
    <message>
        <source>Slow-moving after no sale for:</source>
        <translation>无销售多久算滞销：</translation>
    </message>
    <message>
        <source>Dead stock after no sale for:</source>
        <translation>无销售多久算呆滞：</translation>
    </message>
    <message>
        <source>Overstock above a cover of:</source>
        <translation>可售天数超过多少算库存过多：</translation>
    </message>
    <message>
        <source>A up to</source>
        <translation>A 类至</translation>
    </message>
    <message>
        <source>B up to</source>
        <translation>B 类至</translation>
    </message>
    <message>
        <source>ABC by sales value:</source>
        <translation>ABC（按销售额）：</translation>
    </message>
    <message>
        <source>X up to</source>
        <translation>X 类至</translation>
    </message>
    <message>
        <source>Y up to</source>
        <translation>Y 类至</translation>
    </message>
    <message>
        <source>XYZ by weekly variation:</source>
        <translation>XYZ（按周销量波动）：</translation>
    </message>
    <message>
        <source>Purchase order letterhead:</source>
        <translation>采购单抬头：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>ABC: A's share must be below B's (e.g. 80 % and 95 %).</source>
        <translation>ABC：A 类比例必须小于 B 类（例如 80 % 和 95 %）。</translation>
    </message>
    <message>
        <source>XYZ: X's limit must be below Y's (e.g. 0.50 and 1.00).</source>
        <translation>XYZ：X 类上限必须小于 Y 类（例如 0.50 和 1.00）。</translation>
    </message>
    <message>
        <source>Dead stock must take longer without a sale than slow-moving (e.g. 30 and 90 days).</source>
        <translation>呆滞的无销售天数必须比滞销长（例如 30 天和 90 天）。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>The period and its target</source>
        <translation>周期与目标</translation>
    </message>
    <message>
        <source>Last year's orders of the same months give the split unless you choose otherwise.</source>
        <translation>默认按去年同月订单拆分，也可另选方式。</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>A half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>First half (Jan–Jun)</source>
        <translation>上半年（1–6 月）</translation>
    </message>
    <message>
        <source>Second half (Jul–Dec)</source>
        <translation>下半年（7–12 月）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Growth over last year</source>
        <translation>同比增长</translation>
    </message>
    <message>
        <source>12 percentages in month order, e.g. 6, 7, 8 …</source>
        <translation>按月份顺序填 12 个百分比，如 6, 7, 8 …</translation>
    </message>
    <message>
        <source>e.g. taobao 60, pdd 25, douyin 15</source>
        <translation>如 淘宝 60, 拼多多 25, 抖音 15</translation>
    </message>
    <message>
        <source>e.g. 茶叶 50, 茶具 30, 礼盒 20</source>
        <translation>如 茶叶 50, 茶具 30, 礼盒 20</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Target GMV</source>
        <translation>目标支付金额</translation>
    </message>
    <message>
        <source>Split into months</source>
        <translation>拆分到月</translation>
    </message>
    <message>
        <source>Each month by channel</source>
        <translation>每月按渠道</translation>
    </message>
    <message>
        <source>Each month by category</source>
        <translation>每月按品类</translation>
    </message>
    <message>
        <source>By last year's shares</source>
        <translation>按去年占比</translation>
    </message>
    <message>
        <source>Evenly</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <source>Custom percentages</source>
        <translation>自定义百分比</translation>
    </message>
    <message>
        <source>Do not split</source>
        <translation>不拆分</translation>
    </message>
    <message>
        <source>Reading last year's orders…</source>
        <translation>正在读取去年的订单…</translation>
    </message>
    <message>
        <source>No orders from last year's same months: enter the target as an amount.</source>
        <translation>去年同期没有订单：请直接输入目标金额。</translation>
    </message>
    <message>
        <source>Last year's same months: %1 paid.</source>
        <translation>去年同期：支付金额 %1。</translation>
    </message>
    <message>
        <source>Last year's same months: %1 paid on the days imported so far, about %2 for the whole period (short months scaled up, months without orders at the average).</source>
        <translation>去年同期：已导入天数内支付金额 %1，按整个周期估算约 %2（不足月按天数放大，无订单月份取平均）。</translation>
    </message>
    <message>
        <source>+%1 % makes %2.</source>
        <translation>增长 %1% 即 %2。</translation>
    </message>
    <message>
        <source>There are no orders from last year's same months to grow from: enter the target as an amount.</source>
        <translation>去年同期没有订单可作增长基数：请直接输入目标金额。</translation>
    </message>
    <message>
        <source>Write each share as a name and a percentage: “%1” is not one.</source>
        <translation>每项请写成名称加百分比：“%1”不是。</translation>
    </message>
    <message>
        <source>“%1” is not a channel ShopDesk knows.</source>
        <translation>“%1”不是 ShopDesk 认识的渠道。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the shared server</source>
        <translation>登录共享服务器</translation>
    </message>
    <message>
        <source>ShopDesk opens the team's shop on %1.</source>
        <translation>店长台将打开团队在 %1 上的店铺。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Open this computer's shop</source>
        <translation>打开本机的店铺</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SkuDetailPanel</name>
    <message>
        <source>Create clearance promotion…</source>
        <translation>创建清仓活动…</translation>
    </message>
    <message>
        <source>A 清仓 promotion for the selected slow, dead or overstocked SKUs, in the promotions calendar</source>
        <translation>为选中的滞销、呆滞或库存过多的 SKU 创建清仓活动，加入促销日历</translation>
    </message>
    <message>
        <source>Select a SKU to see its sales, forecast and projected stock.</source>
        <translation>选择一个 SKU，查看它的销量、预测和预计库存。</translation>
    </message>
    <message>
        <source>overdue since %1: order today</source>
        <translation>已逾期（应于 %1 前下单）：今天下单</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 到 %1</translation>
    </message>
    <message>
        <source>(expected %1)</source>
        <translation>（预计 %1 到货）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Sold per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Suggested order</source>
        <translation>建议采购量</translation>
    </message>
    <message>
        <source>Runs out</source>
        <translation>预计断货</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>最晚下单</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>采购周期（天）</translation>
    </message>
    <message>
        <source>ABC·XYZ</source>
        <translation>ABC·XYZ</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>最近售出</translation>
    </message>
</context>
<context>
    <name>SopDialog</name>
    <message>
        <source>SOP templates</source>
        <translation>SOP 模板</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>After steps</source>
        <translation>前置步骤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Relative to the event day T: T-30 is 30 days before, T+3 three days after</source>
        <translation>相对活动日 T：T-30 是提前 30 天，T+3 是之后 3 天</translation>
    </message>
    <message>
        <source>The numbers of earlier steps this one waits for, e.g. 1, 2</source>
        <translation>要等待的前面步骤的序号，例如 1, 2</translation>
    </message>
    <message>
        <source>The first active team member with that role</source>
        <translation>该岗位的第一位在职成员</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Create tasks</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Apply to promotion:</source>
        <translation>应用到促销：</translation>
    </message>
    <message>
        <source>Restore ShopDesk's version</source>
        <translation>恢复为店长台内置版本</translation>
    </message>
    <message>
        <source>nobody is %1</source>
        <translation>没有%1</translation>
    </message>
    <message>
        <source>Step %1: “%2” is not a day. Write T-30, T, T+3 (or -30, 0, 3).</source>
        <translation>第 %1 步：“%2”不是有效日期。请写 T-30、T、T+3（或 -30、0、3）。</translation>
    </message>
    <message>
        <source>Step %1: “%2” is not a number of days.</source>
        <translation>第 %1 步：“%2”不是天数。</translation>
    </message>
    <message>
        <source>Step %1: “%2” is not a step number; write the numbers of earlier steps, e.g. 1, 2.</source>
        <translation>第 %1 步：“%2”不是步骤序号；请写前面步骤的序号，例如 1, 2。</translation>
    </message>
    <message>
        <source>Select the step to remove first.</source>
        <translation>请先选中要删除的步骤。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>No promotion to apply it to yet: plan one in the Promotions tab.</source>
        <translation>还没有可应用的促销：请先在“促销日历”页安排一个。</translation>
    </message>
    <message numerus="yes">
        <source>Creates %n task(s) for %1 (T = %2), from %3 to %4.</source>
        <translation><numerusform>将为 %1（T = %2）创建 %n 个任务，从 %3 到 %4。</numerusform></translation>
    </message>
    <message>
        <source>%1 without an owner: nobody active has that role.</source>
        <translation>其中 %1 个没有负责人：没有在职成员担任该岗位。</translation>
    </message>
    <message>
        <source>Save the template first to create tasks from these changes.</source>
        <translation>要按这些修改创建任务，请先保存模板。</translation>
    </message>
    <message>
        <source>Save the template first: tasks are created from the saved version.</source>
        <translation>请先保存模板：任务按已保存的版本创建。</translation>
    </message>
    <message>
        <source>Choose the promotion to create the tasks for.</source>
        <translation>请选择要创建任务的促销活动。</translation>
    </message>
</context>
<context>
    <name>SopMove</name>
    <message>
        <source>This promotion has %n open task(s) made from an SOP. Move (it|them) by %1 too?</source>
        <translation>这个促销有 %n 个按 SOP 创建、尚未完成的任务。要把它们也移动 %1 吗？</translation>
    </message>
    <message>
        <source>%n day(s)</source>
        <translation>%n 天</translation>
    </message>
    <message>
        <source>Move its tasks too?</source>
        <translation>同时移动它的任务？</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>On the team</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>left</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>未完成任务</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Mark as left</source>
        <translation>标记为已离职</translation>
    </message>
    <message>
        <source>Someone who has left is no longer offered as an owner; their tasks keep their name. Mark them back the same way.</source>
        <translation>已离职的人不再出现在负责人选项里，他们的任务仍保留其姓名。再点一次可标记为回归。</translation>
    </message>
    <message>
        <source>Double-click a person to edit them.</source>
        <translation>双击某人可编辑其资料。</translation>
    </message>
    <message>
        <source>Mark as back</source>
        <translation>标记为回归</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Paste two columns copied from Excel — SKU code and counted quantity — and press Fill in, or type the counts in the table. Nothing is saved until you press Save; Ctrl+Z in the main window undoes the whole count.</source>
        <translation>粘贴从 Excel 复制的两列——商家编码和盘点数量——再点“填入”，或直接在表格中输入数量。点“保存”前不会写入；在主窗口按 Ctrl+Z 可撤销整次盘点。</translation>
    </message>
    <message>
        <source>TEA-001	38
TEA-002	120</source>
        <translation>TEA-001	38
TEA-002	120</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>填入</translation>
    </message>
    <message>
        <source>Counted SKUs only</source>
        <translation>只看已盘点的 SKU</translation>
    </message>
    <message>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>System on hand</source>
        <translation>系统在库</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Type the counted quantity; leave empty for a SKU not counted</source>
        <translation>输入盘点数量；未盘点的 SKU 留空</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value of the difference</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Difference × unit cost</source>
        <translation>差异 × 单位成本</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was filled in: %n line(s) cannot be used. Correct them and paste again.</source>
        <translation><numerusform>未填入任何数量：有 %n 行无法使用。请修改后重新粘贴。</numerusform></translation>
    </message>
    <message>
        <source>No counts found. Paste two columns: SKU code and counted quantity.</source>
        <translation>没有找到盘点数量。请粘贴两列：商家编码和盘点数量。</translation>
    </message>
    <message>
        <source>A count cannot be below 0.</source>
        <translation>盘点数量不能小于 0。</translation>
    </message>
    <message>
        <source>%1 counted, %2: %3, %4 at cost.</source>
        <translation>已盘点 %1，其中 %2：共 %3，按成本计 %4。</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n 个 SKU</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n (differs|differ)</source>
        <translation><numerusform>%n 个有差异</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
    <message>
        <source>Type or paste at least one counted quantity first.</source>
        <translation>请先输入或粘贴至少一个盘点数量。</translation>
    </message>
</context>
<context>
    <name>TabPage</name>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
</context>
<context>
    <name>TeamAccountsPage</name>
    <message>
        <source>Team accounts</source>
        <translation>团队账号</translation>
    </message>
    <message>
        <source>Owner: everything. Manager: everything but the shop's settings, restoring a backup and adding or removing people. Staff: sees goals, promotions, stock and KPIs, counts stock, adds and edits their own tasks (and undoes adding one); cannot import, delete, or change goals, promotions, tiers or members. The server enforces these rights.</source>
        <translation>店主：全部权限。主管：除店铺设置、恢复备份和添加或移除成员外的全部权限。员工：可查看目标、活动、库存和 KPI，可盘点库存、添加和编辑自己的任务（也可撤销自己添加的任务）；不能导入、删除，也不能修改目标、活动、会员等级或会员。这些权限由服务器强制执行。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Person in the Team tab</source>
        <translation>团队页中的成员</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>移除账号…</translation>
    </message>
    <message>
        <source>e.g. wang (lower-case letters, digits, _)</source>
        <translation>例如 wang（小写字母、数字、_）</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>at least 8 characters; tell it to the person</source>
        <translation>至少 8 个字符；请告知本人</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>账号名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Person in the Team tab:</source>
        <translation>团队页中的成员：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Only the owner can add or remove people; you are signed in as %1 (%2).</source>
        <translation>只有店主可以添加或移除成员；你当前登录为 %1（%2）。</translation>
    </message>
    <message>
        <source>Their tasks stay with %1 in the Team tab.</source>
        <translation>其任务仍归团队页中的 %1。</translation>
    </message>
    <message>
        <source>No tasks change.</source>
        <translation>任务不受影响。</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Remove the account %1 (%2)? They can no longer sign in to this shop.</source>
        <translation>移除账号 %1（%2）？移除后将不能再登录本店。</translation>
    </message>
    <message>
        <source>Only the owner can add or remove people; ask the owner to remove %1.</source>
        <translation>只有店主可以添加或移除成员；请让店主移除 %1。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能再登录。</translation>
    </message>
    <message>
        <source>%1 can now sign in with the role %2.</source>
        <translation>%1 现在可以以%2角色登录。</translation>
    </message>
</context>
<context>
    <name>TeamForms</name>
    <message>
        <source>%1 (left)</source>
        <translation>%1（已离职）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Items separated by “;”; a ✓ in front marks one done</source>
        <translation>各项用“;”分隔；前面加 ✓ 表示已完成</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>No promotion</source>
        <translation>无活动</translation>
    </message>
    <message>
        <source>Starts after</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Tick the tasks that must be finished first (finish-to-start)</source>
        <translation>勾选必须先完成的任务（完成后才能开始）</translation>
    </message>
    <message>
        <source>Every Monday at 10:00</source>
        <translation>每周一 10:00</translation>
    </message>
    <message>
        <source>The last day of every month</source>
        <translation>每月最后一天</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>“Plan repeats” writes the next 8 weeks</source>
        <translation>“排出重复任务”会写入之后 8 周</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>Edit a repeating task</source>
        <translation>修改重复任务</translation>
    </message>
    <message>
        <source>“%1” repeats. Change only this occurrence, or this one and all future ones (their dates follow the rule again)?</source>
        <translation>“%1”是重复任务。只改这一次，还是改这一次及以后所有次（日期按规则重新排）？</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>只改这一次</translation>
    </message>
    <message>
        <source>This and all future</source>
        <translation>这一次及以后所有</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Phone, WeChat …</source>
        <translation>电话、微信…</translation>
    </message>
    <message>
        <source>New team member</source>
        <translation>新团队成员</translation>
    </message>
    <message>
        <source>Team member: %1</source>
        <translation>团队成员：%1</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>任何日期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>All promotions</source>
        <translation>全部促销</translation>
    </message>
    <message>
        <source>Show done and cancelled tasks</source>
        <translation>显示已完成和已取消的任务</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Gantt</source>
        <translation>甘特图</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>KPI and bonus</source>
        <translation>绩效与奖金</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Add team member…</source>
        <translation>添加团队成员…</translation>
    </message>
    <message>
        <source>Plan repeats</source>
        <translation>排出重复任务</translation>
    </message>
    <message>
        <source>Write the weekly meeting and other repeating tasks for the next 8 weeks, each a task of its own</source>
        <translation>为之后 8 周写入周例会等重复任务，每次都是一个单独的任务</translation>
    </message>
    <message>
        <source>Print week…</source>
        <translation>打印周任务单…</translation>
    </message>
    <message>
        <source>Each person's tasks of a week on a page of their own: print preview, printer or PDF</source>
        <translation>每人一页列出一周的任务：打印预览、打印或存为 PDF</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the selected task to the trash (Ctrl+Z or Edit → Trash… brings it back)</source>
        <translation>将选中的任务移到回收站（Ctrl+Z 或 编辑 → 回收站… 可恢复）</translation>
    </message>
    <message>
        <source>SOPs…</source>
        <translation>SOP…</translation>
    </message>
    <message>
        <source>Task templates such as 大促 (T-30 备货 … T+3 复盘): edit them, or create a promotion's tasks from one</source>
        <translation>任务模板，如大促（T-30 备货 … T+3 复盘）：编辑模板，或按模板为促销创建任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Starts after</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队任务</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>No tasks yet. Tasks for the team, promotion checklists and the weekly meeting appear here. Add one with “New task…”.</source>
        <translation>还没有任务。团队任务、促销清单和周例会会显示在这里。点击“新建任务…”添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s), %1 overdue.</source>
        <translation><numerusform>%n 项未完成任务，%1 项已逾期。</numerusform></translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>Starts after: %1</source>
        <translation>前置任务：%1</translation>
    </message>
    <message>
        <source>Select the task to delete first.</source>
        <translation>请先选择要删除的任务。</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted items and undone imports are kept here for 30 days. Restore puts them back exactly.</source>
        <translation>删除的项目和撤销的导入会在这里保留 30 天。恢复后会原样放回。</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Delete for good?</source>
        <translation>永久删除？</translation>
    </message>
    <message>
        <source>Delete “%1” for good? It cannot be restored afterwards.</source>
        <translation>永久删除“%1”吗？删除后将无法恢复。</translation>
    </message>
    <message>
        <source>Cannot restore: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>已恢复：%1</translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>还有 %n 个</numerusform></translation>
    </message>
</context>
<context>
    <name>WeekDialog</name>
    <message>
        <source>Print weekly task sheets</source>
        <translation>打印每周任务单</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>A day of the week:</source>
        <translation>这一周中的任一天：</translation>
    </message>
    <message>
        <source>Week:</source>
        <translation>周次：</translation>
    </message>
</context>
<context>
    <name>YearTimeline</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>还有 %n 个</numerusform></translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>About ShopDesk</source>
        <translation>关于店长台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShopDesk 店长台 %1&lt;/h3&gt;&lt;p&gt;Your shop's exports from Taobao/Tmall, JD, Pinduoduo, Douyin, Kuaishou, Youzan and Shopify turned into one local picture and plan.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Log file: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;店长台 ShopDesk %1&lt;/h3&gt;&lt;p&gt;把淘宝/天猫、京东、拼多多、抖音、快手、有赞和 Shopify 的导出表，汇成一份本地的经营全景与计划。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br&gt;日志文件：%3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This shop (%1) is already open in another ShopDesk window. Switch to that window, or close it and try again.</source>
        <translation>此店铺（%1）已在另一个店长台窗口中打开。请切换到那个窗口，或将其关闭后重试。</translation>
    </message>
    <message>
        <source>Creating the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>ShopDesk</source>
        <translation>店长台</translation>
    </message>
    <message>
        <source>ShopDesk: something went wrong</source>
        <translation>店长台：出现了问题</translation>
    </message>
    <message>
        <source>ShopDesk hit an unexpected problem. Your data is safe: every change is saved in a transaction.</source>
        <translation>店长台遇到了一个意外问题。您的数据是安全的：每次修改都在事务中保存。</translation>
    </message>
    <message>
        <source>Details were written to the log file:
%1
Please send it along when you report the problem.</source>
        <translation>详细信息已写入日志文件：
%1
反馈问题时请附上此文件。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Youzan</source>
        <translation>有赞</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>WeChat Shop</source>
        <translation>微信小店</translation>
    </message>
    <message>
        <source>Xiaohongshu</source>
        <translation>小红书</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Platform on each row</source>
        <translation>按每行的平台</translation>
    </message>
    <message>
        <source>Unknown platform</source>
        <translation>未知平台</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Platform festival</source>
        <translation>平台大促</translation>
    </message>
    <message>
        <source>Platform event</source>
        <translation>平台活动</translation>
    </message>
    <message>
        <source>Own promotion</source>
        <translation>店铺活动</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Reorder now</source>
        <translation>立即补货</translation>
    </message>
    <message>
        <source>Running low</source>
        <translation>库存偏低</translation>
    </message>
    <message>
        <source>Slow-moving</source>
        <translation>滞销</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Below safety stock</source>
        <translation>低于安全库存</translation>
    </message>
    <message>
        <source>Overstock</source>
        <translation>库存积压</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>