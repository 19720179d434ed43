<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
        <source>Actual GMV</source>
        <translation>实际支付金额</translation>
    </message>
    <message>
        <source>Paid GMV so far in the period (spec: 支付金额)</source>
        <translation>本周期截至目前的支付金额</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Actual ÷ target; red when behind the share of the period already elapsed</source>
        <translation>实际 ÷ 目标；落后于已过去的时间进度时显示为红色</translation>
    </message>
    <message>
        <source>Gap to target</source>
        <translation>距目标差额</translation>
    </message>
    <message>
        <source>Period elapsed</source>
        <translation>时间进度</translation>
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
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>This year: %1 of %2 (%3), with %4 of the year gone.</source>
        <translation>本年度：已完成 %1 / 目标 %2（%3），全年时间已过去 %4。</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>All SKUs</source>
        <translation>全部 SKU</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Sold per day</source>
        <translation>日均销量</translation>
    </message>
    <message>
        <source>Average units sold per day over the last 28 days</source>
        <translation>近 28 天平均每日销售件数</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>(On hand + in transit) ÷ sold per day</source>
        <translation>（现有库存 + 在途）÷ 日均销量</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>采购周期（天）</translation>
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
        <source>ABC</source>
        <translation>ABC 分类</translation>
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
        <source>Stock value</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
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
        <source>%1 SKUs: %2 out of stock, %3 to reorder now, %4 running low, %5 slow-moving. Stock value at cost: %6.</source>
        <translation>共 %1 个 SKU：%2 个缺货，%3 个需立即补货，%4 个库存偏低，%5 个滞销。库存成本总值：%6。</translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <source>GMV, last 30 days</source>
        <translation>近 30 天支付金额</translation>
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
        <source>AOV</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>No paid orders yet. Import an order export (File → Import…) to see your sales.</source>
        <translation>还没有已付款订单。导入订单导出表（文件 → 导入…）即可查看销售情况。</translation>
    </message>
    <message>
        <source>GMV by month (¥)</source>
        <translation>每月支付金额（元）</translation>
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
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>ShopDesk database (*.db)</source>
        <translation>店长台数据库 (*.db)</translation>
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
        <source>Restore backup?</source>
        <translation>恢复备份？</translation>
    </message>
    <message>
        <source>Replace the shop's current data with the backup %1?

The current data is kept as a backup file first.</source>
        <translation>用备份 %1 替换店铺当前数据吗？

当前数据会先另存为一个备份文件。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced is kept in:
%1</source>
        <translation>备份已恢复。被替换的数据保存在：
%1</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
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
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
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
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
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
        <source>%1 customers (%2). %3 bought more than once; %4 have not bought for over %5 days.</source>
        <translation>共 %1 位客户（%2）。%3 位复购过；%4 位已超过 %5 天未购买。</translation>
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
        <source>GMV in dates</source>
        <translation>活动期间支付金额</translation>
    </message>
    <message>
        <source>Paid GMV of the promotion's channels between its start and end</source>
        <translation>活动渠道在活动开始至结束期间的支付金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投入产出比</translation>
    </message>
    <message>
        <source>GMV ÷ cost</source>
        <translation>支付金额 ÷ 费用</translation>
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
        <source>Promotions</source>
        <translation>促销日历</translation>
    </message>
    <message>
        <source>No promotions yet. Platform festivals and your own promotions appear here with their dates, budget and results.</source>
        <translation>还没有促销活动。平台大促和店铺自有活动及其日期、预算和效果会显示在这里。</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Running now: %1.</source>
        <translation>正在进行：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Next: %1 starts %2 (in %n day(s)).</source>
        <translation><numerusform>下一个：%1 于 %2 开始（还有 %n 天）。</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>共 %n 行</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>显示 %1 / 共 %2 行</translation>
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
        <source>The new language applies the next time ShopDesk starts.</source>
        <translation>新的语言将在下次启动店长台时生效。</translation>
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
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Show done tasks</source>
        <translation>显示已完成任务</translation>
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
        <source>No tasks yet. Tasks for the team, promotion checklists and the weekly meeting appear here.</source>
        <translation>还没有任务。团队任务、大促检查清单和每周例会会显示在这里。</translation>
    </message>
    <message>
        <source>%1 open tasks, %2 overdue.</source>
        <translation>%1 项未完成任务，%2 项已逾期。</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
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
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>