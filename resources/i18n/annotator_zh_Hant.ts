<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name />
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The documents of this database and their annotations</source>
        <translation>此資料庫的文件及其標註</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>標註</translation>
    </message>
    <message>
        <source>The annotations of the document shown; F2 edits a note</source>
        <translation>目前文件的標註；按 F2 編輯備註</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文件內文</translation>
    </message>
    <message>
        <source>Select text and press a label key to tag it</source>
        <translation>選取文字後按標籤鍵即可標註</translation>
    </message>
    <message>
        <source>Label filter</source>
        <translation>標籤篩選</translation>
    </message>
    <message>
        <source>Show the annotations of one label only</source>
        <translation>只顯示某一標籤的標註</translation>
    </message>
    <message>
        <source>Filter the annotations</source>
        <translation>篩選標註</translation>
    </message>
    <message>
        <source>Show the annotations whose quote or note holds it</source>
        <translation>只顯示引文或備註含有此文字的標註</translation>
    </message>
    <message>
        <source>Memo on this document</source>
        <translation>此文件的備忘錄</translation>
    </message>
    <message>
        <source>Saved as you type; Esc goes back to the text</source>
        <translation>輸入時即自動儲存；按 Esc 回到內文</translation>
    </message>
    <message>
        <source>Memo on the project</source>
        <translation>整個專案的備忘錄</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Text to find in the quotes, notes, context and memos</source>
        <translation>在引文、備註、上下文及備忘錄中尋找的文字</translation>
    </message>
    <message>
        <source>Context width</source>
        <translation>上下文寬度</translation>
    </message>
    <message>
        <source>Characters of context shown each side of a quote</source>
        <translation>引文兩側顯示的上下文字數</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權條款</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>授權條款全文</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>SQLAlchemy</source>
        <translation>SQLAlchemy</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>Your suggestion rules</source>
        <translation>您的建議規則</translation>
    </message>
    <message>
        <source>{path} (not created yet)</source>
        <translation>{path}（尚未建立）</translation>
    </message>
    <message>
        <source>kept by the database server</source>
        <translation>由資料庫伺服器保存</translation>
    </message>
    <message>
        <source>none (the database is in memory)</source>
        <translation>無（資料庫在記憶體中）</translation>
    </message>
    <message>
        <source>Only the annotations of this annotator</source>
        <translation>只顯示此標註者的標註</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>屬性</translation>
    </message>
    <message>
        <source>Filter by the value of this attribute</source>
        <translation>依此屬性的值篩選</translation>
    </message>
    <message>
        <source>Attribute test</source>
        <translation>屬性條件</translation>
    </message>
    <message>
        <source>Is, between two numbers, or contains</source>
        <translation>等於、介於兩數之間，或包含</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>屬性值</translation>
    </message>
    <message>
        <source>The value (or the lower number) to filter by</source>
        <translation>篩選用的值（或範圍的下限）</translation>
    </message>
    <message>
        <source>Upper number</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>The upper number of the range, included</source>
        <translation>範圍的上限（包含在內）</translation>
    </message>
    <message>
        <source>Document title or id</source>
        <translation>文件標題或識別碼</translation>
    </message>
    <message>
        <source>Only documents whose title holds this</source>
        <translation>只包括標題含有此文字的文件</translation>
    </message>
    <message>
        <source>Document author</source>
        <translation>文件作者</translation>
    </message>
    <message>
        <source>Only documents whose author holds this</source>
        <translation>只包括作者含有此文字的文件</translation>
    </message>
    <message>
        <source>Published from</source>
        <translation>發布日期起</translation>
    </message>
    <message>
        <source>A date: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>日期：YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Published to</source>
        <translation>發布日期迄</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Any document, or only those marked done or not</source>
        <translation>任何文件，或只包括已標記或未標記完成的文件</translation>
    </message>
    <message>
        <source>Retrieved passages</source>
        <translation>檢索到的段落</translation>
    </message>
    <message>
        <source>Enter opens the passage in the main window</source>
        <translation>按 Enter 在主視窗開啟該段落</translation>
    </message>
    <message>
        <source>Places in memos</source>
        <translation>備忘錄中的位置</translation>
    </message>
    <message>
        <source>Enter shows the place in its memo</source>
        <translation>按 Enter 顯示其在備忘錄中的位置</translation>
    </message>
    <message>
        <source>Saved queries</source>
        <translation>已儲存的查詢</translation>
    </message>
    <message>
        <source>Queries saved in this database; choose one to run it</source>
        <translation>儲存在此資料庫的查詢；選擇一個即可執行</translation>
    </message>
    <message>
        <source>Count pairs</source>
        <translation>計算配對</translation>
    </message>
    <message>
        <source>Overlapping, in one sentence or in one paragraph</source>
        <translation>重疊、同一句或同一段落</translation>
    </message>
    <message>
        <source>Co-occurrence matrix</source>
        <translation>共現矩陣</translation>
    </message>
    <message>
        <source>Pairs per two labels; Enter retrieves them</source>
        <translation>每兩個標籤之間的配對數；按 Enter 檢索</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>The label counted, or all labels</source>
        <translation>要計算的標籤，或全部標籤</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>分類依據</translation>
    </message>
    <message>
        <source>Annotator, author, source, year or an attribute</source>
        <translation>標註者、作者、來源、年份或某個屬性</translation>
    </message>
    <message>
        <source>Cross-tabulation</source>
        <translation>交叉分析表</translation>
    </message>
    <message>
        <source>Count and share per category</source>
        <translation>各類別的數量與比例</translation>
    </message>
    <message>
        <source>Annotations per document and label</source>
        <translation>各文件及各標籤的標註數</translation>
    </message>
    <message>
        <source>A row per document, then the total</source>
        <translation>每份文件一列，最後為總計</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Agreement measures per label</source>
        <translation>各標籤的一致性指標</translation>
    </message>
    <message>
        <source>Labels compared</source>
        <translation>比較的標籤</translation>
    </message>
    <message>
        <source>The labels the agreement is computed on</source>
        <translation>計算一致性所用的標籤</translation>
    </message>
    <message>
        <source>Annotators compared</source>
        <translation>比較的標註者</translation>
    </message>
    <message>
        <source>The annotators the agreement compares</source>
        <translation>一致性所比較的標註者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>The note of the annotation chosen; Ctrl+Enter saves, Esc cancels</source>
        <translation>所選標註的備註；Ctrl+Enter 儲存，Esc 取消</translation>
    </message>
    <message>
        <source>Candidates shown</source>
        <translation>顯示的候選項</translation>
    </message>
    <message>
        <source>All candidates, or only those still to decide</source>
        <translation>全部候選項，或只顯示尚待決定者</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Each action and its keys</source>
        <translation>每個動作及其按鍵</translation>
    </message>
    <message>
        <source>The document's title, as lists show it</source>
        <translation>文件標題，即清單中顯示的名稱</translation>
    </message>
    <message>
        <source>Who wrote the document</source>
        <translation>文件的作者</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>發布日期</translation>
    </message>
    <message>
        <source>When it was published: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>發布時間：YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Where the document came from</source>
        <translation>文件的來源</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>檔案名稱</translation>
    </message>
    <message>
        <source>The file it was imported from</source>
        <translation>匯入時的來源檔案</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The fingerprint of its text</source>
        <translation>內文的指紋（雜湊值）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>The file format to write</source>
        <translation>要寫出的檔案格式</translation>
    </message>
    <message>
        <source>The labels of the scheme, in order</source>
        <translation>標籤方案中的標籤，依順序排列</translation>
    </message>
    <message>
        <source>Label name</source>
        <translation>標籤名稱</translation>
    </message>
    <message>
        <source>The label's name, as exports write it</source>
        <translation>標籤名稱，即匯出時寫入的名稱</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>標籤顏色</translation>
    </message>
    <message>
        <source>Choose the label's colour</source>
        <translation>選擇標籤的顏色</translation>
    </message>
    <message>
        <source>Label key</source>
        <translation>標籤按鍵</translation>
    </message>
    <message>
        <source>The key that tags with this label</source>
        <translation>以此標籤標註的按鍵</translation>
    </message>
    <message>
        <source>Label description</source>
        <translation>標籤說明</translation>
    </message>
    <message>
        <source>What the label marks, for those who annotate</source>
        <translation>此標籤標示什麼，供標註者參考</translation>
    </message>
    <message>
        <source>The label's attributes: name, kind and choices</source>
        <translation>標籤的屬性：名稱、種類與選項</translation>
    </message>
    <message>
        <source>Attribute kind</source>
        <translation>屬性種類</translation>
    </message>
    <message>
        <source>Text, number, choice or yes/no</source>
        <translation>文字、數字、選項或是／否</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>閱讀字型</translation>
    </message>
    <message>
        <source>The font of the document text</source>
        <translation>文件內文的字型</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字型大小</translation>
    </message>
    <message>
        <source>The size of the document text</source>
        <translation>文件內文的大小</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>縮放</translation>
    </message>
    <message>
        <source>Points added to the size (Ctrl+= and Ctrl+-)</source>
        <translation>在大小上增加的點數（Ctrl+= 與 Ctrl+-）</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Space between lines, in percent</source>
        <translation>行與行之間的間距（百分比）</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>行寬</translation>
    </message>
    <message>
        <source>The most characters a line holds; 0: the window's width</source>
        <translation>每行最多的字元數；0 表示依視窗寬度</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>佈景主題</translation>
    </message>
    <message>
        <source>System, light, dark or high contrast</source>
        <translation>系統、淺色、深色或高對比</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The language of the window</source>
        <translation>視窗介面的語言</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的名稱</translation>
    </message>
    <message>
        <source>The name your annotations record</source>
        <translation>您的標註所記錄的名稱</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留的備份數</translation>
    </message>
    <message>
        <source>How many backups to keep</source>
        <translation>要保留多少份備份</translation>
    </message>
    <message>
        <source>Back up every</source>
        <translation>備份間隔</translation>
    </message>
    <message>
        <source>Hours between backups made on opening; 0: none</source>
        <translation>開啟時建立備份的間隔時數；0 表示不備份</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候選項</translation>
    </message>
    <message>
        <source>The annotators' spans to accept or reject into the gold</source>
        <translation>各標註者的範圍，可接受或拒絕納入標準答案</translation>
    </message>
    <message>
        <source>Close this window (Esc)</source>
        <translation>關閉此視窗（Esc）</translation>
    </message>
    <message>
        <source>Apply and close</source>
        <translation>套用並關閉</translation>
    </message>
    <message>
        <source>Close, changing nothing</source>
        <translation>關閉，不做任何變更</translation>
    </message>
    <message>
        <source>Apply and keep this window open</source>
        <translation>套用並保持此視窗開啟</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>儲存並關閉</translation>
    </message>
    <message>
        <source>Spans that overlap</source>
        <translation>範圍重疊</translation>
    </message>
    <message>
        <source>In the same sentence</source>
        <translation>在同一句中</translation>
    </message>
    <message>
        <source>In the same paragraph</source>
        <translation>在同一段落中</translation>
    </message>
    <message>
        <source>that overlap</source>
        <translation>（範圍重疊）</translation>
    </message>
    <message>
        <source>in one sentence</source>
        <translation>（在同一句中）</translation>
    </message>
    <message>
        <source>in one paragraph</source>
        <translation>（在同一段落中）</translation>
    </message>
    <message>
        <source>1 pair</source>
        <translation>1 對</translation>
    </message>
    <message>
        <source>{n} pairs</source>
        <translation>{n} 對</translation>
    </message>
    <message>
        <source>{pairs} of two {label} annotations {where}</source>
        <translation>兩個「{label}」標註{where}：{pairs}</translation>
    </message>
    <message>
        <source>{pairs} of {a} and {b} {where}</source>
        <translation>「{a}」與「{b}」{where}：{pairs}</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>共現</translation>
    </message>
    <message>
        <source>Pairs of annotations of one document. Click a cell to retrieve its pairs.</source>
        <translation>同一文件中的標註配對。點選儲存格即可檢索其配對。</translation>
    </message>
    <message>
        <source>&amp;Count pairs:</source>
        <translation>計算配對(&amp;C)：</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>適用範圍</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>標註者</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <source>&amp;All documents</source>
        <translation>全部文件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Current document</source>
        <translation>目前文件(&amp;C)</translation>
    </message>
    <message>
        <source>Compare the annotators over every document</source>
        <translation>比較各標註者在全部文件上的標註</translation>
    </message>
    <message>
        <source>Compare the annotators on the document shown only</source>
        <translation>只比較各標註者在目前文件上的標註</translation>
    </message>
    <message>
        <source>Only documents marked &amp;done</source>
        <translation>只包括已標記完成的文件(&amp;D)</translation>
    </message>
    <message>
        <source>Leave out the documents not marked done</source>
        <translation>排除未標記完成的文件</translation>
    </message>
    <message>
        <source>Annotators (at least two)</source>
        <translation>標註者（至少兩位）</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>&amp;Save JSON…</source>
        <translation>儲存 JSON(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the report as annotator agreement --format json</source>
        <translation>將報告存成 annotator agreement --format json 的格式</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>複製(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text, for a spreadsheet</source>
        <translation>將表格複製為以 Tab 分隔的文字，可貼到試算表</translation>
    </message>
    <message>
        <source>&amp;Current document: {title}</source>
        <translation>目前文件(&amp;C)：{title}</translation>
    </message>
    <message>
        <source>Could not read the database: {problem}</source>
        <translation>無法讀取資料庫：{problem}</translation>
    </message>
    <message>
        <source>Choose at least one label.</source>
        <translation>請至少選擇一個標籤。</translation>
    </message>
    <message>
        <source>Units: {units} {undefined} means undefined.</source>
        <translation>單位：{units} {undefined} 表示無法定義。</translation>
    </message>
    <message>
        <source>All chosen labels</source>
        <translation>所有選取的標籤</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>全部標籤</translation>
    </message>
    <message>
        <source>Save agreement report</source>
        <translation>儲存一致性報告</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>報告未儲存</translation>
    </message>
    <message>
        <source>{pairs}: click to retrieve them</source>
        <translation>{pairs}：點選以檢索</translation>
    </message>
    <message>
        <source>{pairs}: {n} annotations, in text order</source>
        <translation>{pairs}：共 {n} 個標註，依內文順序</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>有爭議</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>{n} agreed</source>
        <translation>{n} 一致</translation>
    </message>
    <message>
        <source>{n} disputed</source>
        <translation>{n} 有爭議</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} 待定</translation>
    </message>
    <message>
        <source>{n} accepted</source>
        <translation>{n} 已接受</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>{n} 已拒絕</translation>
    </message>
    <message>
        <source>Every annotator of the document marked it</source>
        <translation>此文件的每位標註者都標註了它</translation>
    </message>
    <message>
        <source>At least one annotator did not mark it (see Lacking)</source>
        <translation>至少有一位標註者沒有標註它（見「缺少」）</translation>
    </message>
    <message>
        <source>The only annotator of the document marked it: nobody to agree or disagree</source>
        <translation>此文件只有一位標註者標註了它：沒有人可以同意或反對</translation>
    </message>
    <message>
        <source>The gold layer holds it</source>
        <translation>標準答案層已包含它</translation>
    </message>
    <message>
        <source>Rejected in this session: not in the gold layer</source>
        <translation>已在本次工作中拒絕：不在標準答案層中</translation>
    </message>
    <message>
        <source>other boundaries</source>
        <translation>範圍邊界不同</translation>
    </message>
    <message>
        <source>other label</source>
        <translation>標籤不同</translation>
    </message>
    <message>
        <source>nothing here</source>
        <translation>此處沒有標註</translation>
    </message>
    <message>
        <source>{annotator} (boundary)</source>
        <translation>{annotator}（邊界）</translation>
    </message>
    <message>
        <source>{annotator} (label)</source>
        <translation>{annotator}（標籤）</translation>
    </message>
    <message>
        <source>{annotator} (missing)</source>
        <translation>{annotator}（缺少）</translation>
    </message>
    <message>
        <source>All candidates</source>
        <translation>全部候選項</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待決定</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有爭議</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>標註者</translation>
    </message>
    <message>
        <source>Lacking</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>(gold only)</source>
        <translation>（僅標準答案）</translation>
    </message>
    <message>
        <source>{name} (shared gold layer)</source>
        <translation>{name}（共用的標準答案層）</translation>
    </message>
    <message>
        <source>{name} (my name)</source>
        <translation>{name}（我的名稱）</translation>
    </message>
    <message>
        <source>The annotator whose annotations are the gold layer: accepted spans are stored under this name, and its own annotations are not an annotator's</source>
        <translation>其標註構成標準答案層的標註者：接受的範圍以此名稱儲存，而此名稱本身的標註不算作某位標註者的標註</translation>
    </message>
    <message>
        <source>The passage around the chosen candidate (&lt;b&gt;&lt;u&gt;bold, underlined&lt;/u&gt;&lt;/b&gt;) with each annotator's spans in their labels' colours:</source>
        <translation>所選候選項周圍的段落（&lt;b&gt;&lt;u&gt;粗體加底線&lt;/u&gt;&lt;/b&gt;），以標籤顏色顯示各標註者的範圍：</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒絕(&amp;R)</translation>
    </message>
    <message>
        <source>Accept all a&amp;greed</source>
        <translation>接受全部一致項(&amp;G)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Add the chosen candidate(s) to the gold layer (Enter, A)</source>
        <translation>將所選候選項加入標準答案層（Enter、A）</translation>
    </message>
    <message>
        <source>Take the chosen candidate(s) out of the gold layer and mark them rejected (Delete, R)</source>
        <translation>將所選候選項移出標準答案層並標記為已拒絕（Delete、R）</translation>
    </message>
    <message>
        <source>Add every candidate all annotators agree on (and not rejected) to the gold layer, as one undo step (Ctrl+Shift+A)</source>
        <translation>將所有標註者一致且未被拒絕的候選項加入標準答案層，作為一個復原步驟（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Gold layer:</source>
        <translation>標準答案層：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>顯示：</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <source>Accept all agreed</source>
        <translation>接受全部一致項</translation>
    </message>
    <message>
        <source>Could not read the annotations: {problem}</source>
        <translation>無法讀取標註：{problem}</translation>
    </message>
    <message>
        <source>Curate</source>
        <translation>審定</translation>
    </message>
    <message>
        <source>&lt;b&gt;No document open&lt;/b&gt;</source>
        <translation>&lt;b&gt;未開啟文件&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Curate “{title}”</source>
        <translation>審定「{title}」</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; (version {version})</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;（版本 {version}）</translation>
    </message>
    <message>
        <source>Open a document in the main window to curate it.</source>
        <translation>在主視窗開啟文件以進行審定。</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚無任何人</translation>
    </message>
    <message>
        <source>1 annotator ({who})</source>
        <translation>1 位標註者（{who}）</translation>
    </message>
    <message>
        <source>{n} annotators ({who})</source>
        <translation>{n} 位標註者（{who}）</translation>
    </message>
    <message>
        <source>1 candidate: {counts}</source>
        <translation>1 個候選項：{counts}</translation>
    </message>
    <message>
        <source>{n} candidates: {counts}</source>
        <translation>{n} 個候選項：{counts}</translation>
    </message>
    <message>
        <source>gold layer: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>標準答案層：&lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nobody has annotated this document yet.</source>
        <translation>尚無任何人標註此文件。</translation>
    </message>
    <message>
        <source>Choose a candidate to see each annotator's spans.</source>
        <translation>選擇一個候選項以查看各標註者的範圍。</translation>
    </message>
    <message>
        <source>✓ marked it</source>
        <translation>✓ 已標註</translation>
    </message>
    <message>
        <source>✗ {difference}</source>
        <translation>✗ {difference}</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ 已接受</translation>
    </message>
    <message>
        <source>— not in gold</source>
        <translation>— 不在標準答案中</translation>
    </message>
    <message>
        <source>✗ rejected</source>
        <translation>✗ 已拒絕</translation>
    </message>
    <message>
        <source>Gold layer ({name})</source>
        <translation>標準答案層（{name}）</translation>
    </message>
    <message>
        <source>Choose a candidate in the list first.</source>
        <translation>請先在清單中選擇一個候選項。</translation>
    </message>
    <message>
        <source>The chosen candidate is gone: its annotations were changed or deleted elsewhere (another window?). The list shows them as they are now.</source>
        <translation>所選的候選項已不存在：其標註已在其他地方（另一個視窗？）被修改或刪除。清單顯示的是目前的狀態。</translation>
    </message>
    <message>
        <source>Already in the gold layer.</source>
        <translation>已在標準答案層中。</translation>
    </message>
    <message>
        <source>accept '{label}'</source>
        <translation>接受「{label}」</translation>
    </message>
    <message>
        <source>accept {n} spans</source>
        <translation>接受 {n} 個範圍</translation>
    </message>
    <message>
        <source>{n} candidates</source>
        <translation>{n} 個候選項</translation>
    </message>
    <message>
        <source>Accepted {what} into {gold}.</source>
        <translation>已將 {what} 接受至 {gold}。</translation>
    </message>
    <message>
        <source>reject '{label}'</source>
        <translation>拒絕「{label}」</translation>
    </message>
    <message>
        <source>reject {n} spans</source>
        <translation>拒絕 {n} 個範圍</translation>
    </message>
    <message>
        <source>Removed {n} from the gold layer.</source>
        <translation>已從標準答案層移除 {n} 個。</translation>
    </message>
    <message>
        <source>Rejected {what}.</source>
        <translation>已拒絕 {what}。</translation>
    </message>
    <message>
        <source>No agreed candidate is left to accept.</source>
        <translation>沒有尚待接受的一致候選項。</translation>
    </message>
    <message>
        <source>accept 1 agreed span</source>
        <translation>接受 1 個一致範圍</translation>
    </message>
    <message>
        <source>accept {n} agreed spans</source>
        <translation>接受 {n} 個一致範圍</translation>
    </message>
    <message>
        <source>Accepted 1 agreed candidate into {gold}.</source>
        <translation>已將 1 個一致候選項接受至 {gold}。</translation>
    </message>
    <message>
        <source>Accepted {n} agreed candidates into {gold}.</source>
        <translation>已將 {n} 個一致候選項接受至 {gold}。</translation>
    </message>
    <message>
        <source>Added 1 annotation to the gold layer ({gold}).</source>
        <translation>已將 1 個標註加入標準答案層（{gold}）。</translation>
    </message>
    <message>
        <source>Added {n} annotations to the gold layer ({gold}).</source>
        <translation>已將 {n} 個標註加入標準答案層（{gold}）。</translation>
    </message>
    <message>
        <source>is</source>
        <translation>等於</translation>
    </message>
    <message>
        <source>between</source>
        <translation>介於</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任何</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Look in the annotated text itself</source>
        <translation>在標註的文字本身中尋找</translation>
    </message>
    <message>
        <source>Look in the annotations' notes</source>
        <translation>在標註的備註中尋找</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Look in the line a row shows: the context, the quote and the context</source>
        <translation>在每列顯示的整行中尋找：前文、引文與後文</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>備忘錄</translation>
    </message>
    <message>
        <source>Look in the memos too (listed under the rows)</source>
        <translation>也在備忘錄中尋找（列於結果下方）</translation>
    </message>
    <message>
        <source>Find in quotes, notes and context…</source>
        <translation>在引文、備註與上下文中尋找…</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正規表示式</translation>
    </message>
    <message>
        <source>A Python regular expression (case counts), not a plain text</source>
        <translation>Python 正規表示式（區分大小寫），而非純文字</translation>
    </message>
    <message>
        <source>The system's</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast (white on black)</source>
        <translation>高對比（黑底白字）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>The system's font</source>
        <translation>系統字型</translation>
    </message>
    <message>
        <source>Read in the system's font rather than the one chosen</source>
        <translation>以系統字型閱讀，而非所選字型</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 點</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Added to the size; Ctrl+= and Ctrl+- change it, Ctrl+0 resets</source>
        <translation>加在大小之上；Ctrl+= 與 Ctrl+- 調整，Ctrl+0 重設</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 個字元</translation>
    </message>
    <message>
        <source>No maximum</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字型：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>縮放：</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
    <message>
        <source>Line width at most:</source>
        <translation>每行最多：</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>閱讀(&amp;R)</translation>
    </message>
    <message>
        <source>Show the rules' suggestions on the text</source>
        <translation>在文字上顯示規則的建議</translation>
    </message>
    <message>
        <source>Dashed outlines where the rules suggest a tag</source>
        <translation>規則建議標註之處以虛線框標示</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>佈景主題：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>A new language shows from the next start of Annotator.</source>
        <translation>新的語言於下次啟動 Annotator 時生效。</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外觀(&amp;A)</translation>
    </message>
    <message>
        <source>Annotate as:</source>
        <translation>標註者名稱：</translation>
    </message>
    <message>
        <source>New annotations record this name.</source>
        <translation>新的標註會記錄此名稱。</translation>
    </message>
    <message>
        <source>New annotations record this name. $ANNOTATOR_USER is set: the next launch uses it again.</source>
        <translation>新的標註會記錄此名稱。已設定 $ANNOTATOR_USER：下次啟動時會再次使用它。</translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation>您(&amp;Y)</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Never (automatic backups off)</source>
        <translation>從不（關閉自動備份）</translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation>保留最新備份數：</translation>
    </message>
    <message>
        <source>Back up on opening, every:</source>
        <translation>開啟時備份，間隔：</translation>
    </message>
    <message>
        <source>Backups of {name} are kept in {folder}.</source>
        <translation>{name} 的備份保存在 {folder}。</translation>
    </message>
    <message>
        <source>A team database is backed up by its server; these apply to SQLite files.</source>
        <translation>團隊資料庫由其伺服器備份；這些設定適用於 SQLite 檔案。</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>備份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>鍵盤(&amp;K)</translation>
    </message>
    <message>
        <source>Your name: {problem}</source>
        <translation>您的名稱：{problem}</translation>
    </message>
    <message>
        <source>{key} is the key of more than one action ({actions}).</source>
        <translation>{key} 是多個動作的按鍵（{actions}）。</translation>
    </message>
    <message>
        <source>Context shown each side of a quote</source>
        <translation>引文兩側顯示的上下文</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>尋找(&amp;F)：</translation>
    </message>
    <message>
        <source>in</source>
        <translation>於</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>標註者(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;ttribute:</source>
        <translation>屬性(&amp;T)：</translation>
    </message>
    <message>
        <source>title or id</source>
        <translation>標題或識別碼</translation>
    </message>
    <message>
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>文件(&amp;D)：</translation>
    </message>
    <message>
        <source>published from</source>
        <translation>發布日期從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Do&amp;ne:</source>
        <translation>完成(&amp;N)：</translation>
    </message>
    <message>
        <source>Only {label} (click again for every label)</source>
        <translation>只顯示「{label}」（再按一次顯示全部標籤）</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>from</source>
        <translation>從</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>後文</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>發布日期</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>屬性</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>備註：{note}</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 個標註</translation>
    </message>
    <message>
        <source>{n} annotations</source>
        <translation>{n} 個標註</translation>
    </message>
    <message>
        <source>in 1 document</source>
        <translation>，分布於 1 份文件</translation>
    </message>
    <message>
        <source>in {n} documents</source>
        <translation>，分布於 {n} 份文件</translation>
    </message>
    <message>
        <source>{rows} {where}</source>
        <translation>{rows}{where}</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>檢索</translation>
    </message>
    <message>
        <source>Show every annotation</source>
        <translation>顯示全部標註</translation>
    </message>
    <message>
        <source>Lift the restriction to these annotations</source>
        <translation>取消只顯示這些標註的限制</translation>
    </message>
    <message>
        <source>Queries saved in this database</source>
        <translation>儲存在此資料庫的查詢</translation>
    </message>
    <message>
        <source>&amp;Save query…</source>
        <translation>儲存查詢(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep these filters under a name, in this database</source>
        <translation>以名稱將這些篩選條件儲存在此資料庫</translation>
    </message>
    <message>
        <source>Delete query</source>
        <translation>刪除查詢</translation>
    </message>
    <message>
        <source>Delete the saved query chosen beside it</source>
        <translation>刪除旁邊所選的已儲存查詢</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>匯出 C&amp;SV…</translation>
    </message>
    <message>
        <source>Write the rows, in the order shown, as annotator retrieve's CSV</source>
        <translation>依顯示順序，將各列寫成 annotator retrieve 的 CSV</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>匯出 &amp;JSON…</translation>
    </message>
    <message>
        <source>Write the rows, in the order shown, as annotator retrieve's JSON</source>
        <translation>依顯示順序，將各列寫成 annotator retrieve 的 JSON</translation>
    </message>
    <message>
        <source>Could not read the labels: {problem}</source>
        <translation>無法讀取標籤：{problem}</translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation>專案備忘錄</translation>
    </message>
    <message>
        <source>The memos hold it once (Enter or a double click shows the place):</source>
        <translation>備忘錄中出現 1 次（按 Enter 或按兩下顯示位置）：</translation>
    </message>
    <message>
        <source>The memos hold it {count} times (Enter or a double click shows the place):</source>
        <translation>備忘錄中出現 {count} 次（按 Enter 或按兩下顯示位置）：</translation>
    </message>
    <message>
        <source>Saved queries…</source>
        <translation>已儲存的查詢…</translation>
    </message>
    <message>
        <source>No saved queries</source>
        <translation>沒有已儲存的查詢</translation>
    </message>
    <message>
        <source>Query not saved</source>
        <translation>查詢未儲存</translation>
    </message>
    <message>
        <source>Could not save the query: {problem}</source>
        <translation>無法儲存查詢：{problem}</translation>
    </message>
    <message>
        <source>Save query</source>
        <translation>儲存查詢</translation>
    </message>
    <message>
        <source>Name of the query:</source>
        <translation>查詢名稱：</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未匯出</translation>
    </message>
    <message>
        <source>Export the rows</source>
        <translation>匯出各列</translation>
    </message>
    <message>
        <source>Could not show the annotation</source>
        <translation>無法顯示此標註</translation>
    </message>
    <message>
        <source>That annotation is no longer there.</source>
        <translation>該標註已不存在。</translation>
    </message>
    <message>
        <source>{annotator}'s {label}: the Annotator menu hides it here.</source>
        <translation>{annotator} 的「{label}」：在此被「標註者」選單隱藏。</translation>
    </message>
    <message>
        <source>Your name as annotator</source>
        <translation>您的標註者名稱</translation>
    </message>
    <message>
        <source>Every annotation you make records this name, so that your work and your colleagues' can be told apart and compared. Annotations made before keep the name they were made with.</source>
        <translation>您所做的每個標註都會記錄此名稱，以便區分並比較您與同事的工作。先前所做的標註保留當時的名稱。</translation>
    </message>
    <message>
        <source>Your name, e.g. Alice Chan</source>
        <translation>您的名稱，例如 Alice Chan</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Change name…</source>
        <translation>變更名稱…</translation>
    </message>
    <message>
        <source>Choose the name your annotations record (Annotator ▸ Change my name…)</source>
        <translation>選擇標註所記錄的名稱（標註者 ▸ 變更我的名稱…）</translation>
    </message>
    <message>
        <source>Keep this name (Annotator ▸ Change my name… changes it later)</source>
        <translation>保留此名稱（稍後可在 標註者 ▸ 變更我的名稱… 中變更）</translation>
    </message>
    <message>
        <source>You are annotating as “{name}” (your login name): every annotation you make records it.</source>
        <translation>您目前以「{name}」（您的登入名稱）身分標註：您所做的每個標註都會記錄此名稱。</translation>
    </message>
    <message>
        <source>&amp;Annotator</source>
        <translation>標註者(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change my name…</source>
        <translation>變更我的名稱(&amp;C)…</translation>
    </message>
    <message>
        <source>The name your annotations record from now on</source>
        <translation>從現在起標註所記錄的名稱</translation>
    </message>
    <message>
        <source>&amp;Work as</source>
        <translation>以他人身分標註(&amp;W)</translation>
    </message>
    <message>
        <source>Show &amp;everyone's annotations</source>
        <translation>顯示所有人的標註(&amp;E)</translation>
    </message>
    <message>
        <source>Show &amp;mine only</source>
        <translation>只顯示我的標註(&amp;M)</translation>
    </message>
    <message>
        <source>Show &amp;only</source>
        <translation>只顯示某人的標註(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;mine only ({name})</source>
        <translation>只顯示我的標註（{name}）(&amp;M)</translation>
    </message>
    <message>
        <source>Annotate as {name}: new annotations record this name</source>
        <translation>以 {name} 身分標註：新的標註會記錄此名稱</translation>
    </message>
    <message>
        <source>Someone &amp;else…</source>
        <translation>其他人(&amp;E)…</translation>
    </message>
    <message>
        <source>(no annotations yet)</source>
        <translation>（尚無標註）</translation>
    </message>
    <message>
        <source>Annotating as {me} · showing mine ({me}) only</source>
        <translation>以 {me} 身分標註 · 只顯示我的標註（{me}）</translation>
    </message>
    <message>
        <source>Annotating as {me} · showing {name}'s only</source>
        <translation>以 {me} 身分標註 · 只顯示 {name} 的標註</translation>
    </message>
    <message>
        <source>Annotating as {me}</source>
        <translation>以 {me} 身分標註</translation>
    </message>
    <message>
        <source>{time} UTC · {size} MB</source>
        <translation>{time} UTC · {size} MB</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>從備份還原</translation>
    </message>
    <message>
        <source>Backups of &lt;b&gt;{name}&lt;/b&gt;, newest first. Restoring replaces the database with the backup; the database as it is now is kept in the backup folder, so nothing is lost.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 的備份，由新到舊排列。還原會以備份取代資料庫；資料庫目前的狀態會保留在備份資料夾中，不會遺失任何資料。</translation>
    </message>
    <message>
        <source>There are no backups of &lt;b&gt;{name}&lt;/b&gt; yet.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 尚無任何備份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>無法開啟資料庫</translation>
    </message>
    <message>
        <source>Restore backup of {backup}</source>
        <translation>還原 {backup} 的備份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>Annotator hit an unexpected problem: {problem}

Your annotations are safe: every change you made was saved when you made it. You can go on working; if the problem comes back, please send the report.</source>
        <translation>Annotator 遇到未預期的問題：{problem}

您的標註是安全的：您所做的每項變更都已在當下儲存。您可以繼續工作；如果問題再次發生，請寄送報告。</translation>
    </message>
    <message>
        <source>The report was written to {path}.</source>
        <translation>報告已寫入 {path}。</translation>
    </message>
    <message>
        <source>The report could not be saved.</source>
        <translation>無法儲存報告。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>複製報告</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Publication year</source>
        <translation>出版年份</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>標籤(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>依據(&amp;B)</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>將圖表存成 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>將圖表存成 PNG 圖片</translation>
    </message>
    <message>
        <source>Save table as &amp;CSV…</source>
        <translation>將表格存成 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the table as annotator crosstab --format csv</source>
        <translation>將表格存成 annotator crosstab --format csv 的格式</translation>
    </message>
    <message>
        <source>Could not cross-tabulate</source>
        <translation>無法進行交叉分析</translation>
    </message>
    <message>
        <source>Attribute: {name}</source>
        <translation>屬性：{name}</translation>
    </message>
    <message>
        <source>Annotations of all labels by {by}</source>
        <translation>全部標籤的標註，依{by}分類</translation>
    </message>
    <message>
        <source>Annotations of '{label}' by {by}</source>
        <translation>「{label}」的標註，依{by}分類</translation>
    </message>
    <message>
        <source>{title} (the {bars} most frequent of {n})</source>
        <translation>{title}（{n} 個類別中最常見的 {bars} 個）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總計</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>儲存圖表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>圖表未儲存</translation>
    </message>
    <message>
        <source>{path}: could not write the image</source>
        <translation>{path}：無法寫入圖片</translation>
    </message>
    <message>
        <source>Save table</source>
        <translation>儲存表格</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Table not saved</source>
        <translation>表格未儲存</translation>
    </message>
    <message>
        <source>These readings are the same text.</source>
        <translation>這些讀法的文字相同。</translation>
    </message>
    <message>
        <source>Check how these files were read</source>
        <translation>檢查這些檔案的讀取方式</translation>
    </message>
    <message>
        <source>Annotator is not sure how {n} of these files were encoded. Below, the passages where the possible readings differ: pick the one whose words are right. Press Enter to keep the preselected best guess.</source>
        <translation>Annotator 無法確定其中 {n} 個檔案的編碼。下方列出各種可能讀法不同的段落：請選擇文字正確的那一種。按 Enter 保留預選的最佳猜測。</translation>
    </message>
    <message>
        <source>Annotator is not sure how this file was encoded. Below, the passages where the possible readings differ: pick the one whose words are right. Press Enter to keep the preselected best guess.</source>
        <translation>Annotator 無法確定此檔案的編碼。下方列出各種可能讀法不同的段落：請選擇文字正確的那一種。按 Enter 保留預選的最佳猜測。</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>讀取為：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>Cancel imports none of the files.</source>
        <translation>按「取消」則不匯入任何檔案。</translation>
    </message>
    <message>
        <source>{encoding} — best guess ({percent} sure)</source>
        <translation>{encoding} — 最佳猜測（把握度 {percent}）</translation>
    </message>
    <message>
        <source>{encoding} (best guess)</source>
        <translation>{encoding}（最佳猜測）</translation>
    </message>
    <message>
        <source>Find in document (Enter: next, Shift+Enter: previous)</source>
        <translation>在文件中尋找（Enter：下一個，Shift+Enter：上一個）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>沒有符合項目</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 個，共 {total} 個</translation>
    </message>
    <message>
        <source>Your memo on this document: what it shows, what to check…</source>
        <translation>您對此文件的備忘錄：它呈現什麼、有什麼要查核…</translation>
    </message>
    <message>
        <source>Your memo on the whole project: themes, questions, decisions…</source>
        <translation>您對整個專案的備忘錄：主題、問題、決定…</translation>
    </message>
    <message>
        <source>Memo: this document</source>
        <translation>備忘錄：此文件</translation>
    </message>
    <message>
        <source>Memo: project</source>
        <translation>備忘錄：專案</translation>
    </message>
    <message>
        <source>Could not read the memo: {problem}</source>
        <translation>無法讀取備忘錄：{problem}</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>編輯中…</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>未儲存：{problem}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>Where the annotations are; click to go to one</source>
        <translation>標註所在的位置；點選即可前往</translation>
    </message>
    <message>
        <source>{task}…</source>
        <translation>{task}…</translation>
    </message>
    <message>
        <source>{task}: {done} of {total}</source>
        <translation>{task}：第 {done} 個，共 {total} 個</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>now</source>
        <translation>目前</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>“{title}” was read from a {format} file, which says itself how its text is encoded: there is no encoding to choose.</source>
        <translation>「{title}」是從 {format} 檔案讀取的，該檔案本身已說明其文字的編碼：沒有編碼可選擇。</translation>
    </message>
    <message>
        <source>The bytes of “{title}” were not kept (it was imported before Annotator kept them, or as UTF-8), and its file cannot be read again: {problem}</source>
        <translation>「{title}」的原始位元組未被保留（它是在 Annotator 開始保留位元組之前匯入的，或以 UTF-8 匯入），且其檔案無法再次讀取：{problem}</translation>
    </message>
    <message>
        <source>Re-read with encoding</source>
        <translation>以其他編碼重新讀取</translation>
    </message>
    <message>
        <source>Read “{title}” again from its original bytes, now read as {encoding}. The new text becomes a new version; annotations are carried over as for a changed file.</source>
        <translation>從原始位元組重新讀取「{title}」，目前的讀法為 {encoding}。新的文字會成為新版本；標註會像檔案變更時一樣移轉過去。</translation>
    </message>
    <message>
        <source>{encoding}  ({note})</source>
        <translation>{encoding}（{note}）</translation>
    </message>
    <message>
        <source>or type an encoding name</source>
        <translation>或輸入編碼名稱</translation>
    </message>
    <message>
        <source>Make new version</source>
        <translation>建立新版本</translation>
    </message>
    <message>
        <source>Cannot read it as {encoding}: {problem}.</source>
        <translation>無法以 {encoding} 讀取：{problem}。</translation>
    </message>
    <message>
        <source>Stored ({encoding})</source>
        <translation>已儲存（{encoding}）</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>以 {encoding} 讀取</translation>
    </message>
    <message>
        <source>Read as {encoding}, the text is the same: nothing would change.</source>
        <translation>以 {encoding} 讀取的文字相同：不會有任何變更。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Title ({done}/{n} done)</source>
        <translation>標題（{done}/{n} 已完成）</translation>
    </message>
    <message>
        <source>{n} orphaned</source>
        <translation>{n} 個孤立</translation>
    </message>
    <message>
        <source>Version {n}: earlier versions in View ▸ Versions…</source>
        <translation>版本 {n}：較早的版本見 檢視 ▸ 版本…</translation>
    </message>
    <message>
        <source>1 annotation of earlier versions could not be carried over: View ▸ Orphaned annotations…</source>
        <translation>較早版本中有 1 個標註無法移轉：見 檢視 ▸ 孤立標註…</translation>
    </message>
    <message>
        <source>{n} annotations of earlier versions could not be carried over: View ▸ Orphaned annotations…</source>
        <translation>較早版本中有 {n} 個標註無法移轉：見 檢視 ▸ 孤立標註…</translation>
    </message>
    <message>
        <source>[orphaned] {quote}</source>
        <translation>[孤立] {quote}</translation>
    </message>
    <message>
        <source>{label} {start}–{end} by {annotator}</source>
        <translation>{label} {start}–{end}，標註者：{annotator}</translation>
    </message>
    <message>
        <source>Orphaned: it could not be placed in the newer version's text.</source>
        <translation>孤立：無法在較新版本的文字中找到它的位置。</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>資料庫密碼</translation>
    </message>
    <message>
        <source>Open team database</source>
        <translation>開啟團隊資料庫</translation>
    </message>
    <message>
        <source>PostgreSQL URL (leave the password out: you will be asked, or it is read from ~/.pgpass):
{example}</source>
        <translation>PostgreSQL URL（請勿包含密碼：系統會詢問您，或從 ~/.pgpass 讀取）：
{example}</translation>
    </message>
    <message>
        <source>Versions of “{title}”</source>
        <translation>「{title}」的版本</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>孤立</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>匯入時間</translation>
    </message>
    <message>
        <source>v{n} (newest)</source>
        <translation>v{n}（最新）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>Each version keeps its text as it was imported. Annotations live on the newest version; those that could not be carried over stay on theirs.</source>
        <translation>每個版本保留其匯入時的文字。標註位於最新版本上；無法移轉的標註則留在原本的版本上。</translation>
    </message>
    <message>
        <source>Orphaned annotations of “{title}”</source>
        <translation>「{title}」的孤立標註</translation>
    </message>
    <message>
        <source>&amp;Show in its version</source>
        <translation>在其所屬版本中顯示(&amp;S)</translation>
    </message>
    <message>
        <source>No orphaned annotations: every annotation was carried over.</source>
        <translation>沒有孤立標註：每個標註都已移轉。</translation>
    </message>
    <message>
        <source>1 annotation could not be placed in a newer version's text. It is kept, with its note and attributes, on the version it was made on, and exported with it. Tag the passage again on the newest version, then delete the orphan if you no longer need it.</source>
        <translation>有 1 個標註無法在較新版本的文字中找到位置。它連同其備註與屬性保留在建立它的版本上，並隨該版本匯出。請在最新版本上重新標註該段落，若不再需要，再刪除此孤立標註。</translation>
    </message>
    <message>
        <source>{n} annotations could not be placed in a newer version's text. They are kept, with their notes and attributes, on the version they were made on, and exported with it. Tag the passage again on the newest version, then delete the orphan if you no longer need it.</source>
        <translation>有 {n} 個標註無法在較新版本的文字中找到位置。它們連同其備註與屬性保留在建立它們的版本上，並隨該版本匯出。請在最新版本上重新標註該段落，若不再需要，再刪除這些孤立標註。</translation>
    </message>
    <message>
        <source>Select text with the mouse or Shift+arrows, then press a label key to tag it.</source>
        <translation>用滑鼠或 Shift+方向鍵選取文字，再按標籤鍵即可標註。</translation>
    </message>
    <message>
        <source>Extend end by a character</source>
        <translation>結尾延長一個字元</translation>
    </message>
    <message>
        <source>Shrink end by a character</source>
        <translation>結尾縮短一個字元</translation>
    </message>
    <message>
        <source>Extend start by a character</source>
        <translation>開頭延長一個字元</translation>
    </message>
    <message>
        <source>Shrink start by a character</source>
        <translation>開頭縮短一個字元</translation>
    </message>
    <message>
        <source>Filter by quote or note</source>
        <translation>依引文或備註篩選</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>資料庫：{database}</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import documents (UTF-8 .txt, .md) and annotation sets (.json)</source>
        <translation>匯入文件（UTF-8 .txt、.md）與標註集（.json）</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>匯入資料夾(&amp;F)…</translation>
    </message>
    <message>
        <source>Import every supported document in a folder and its subfolders</source>
        <translation>匯入資料夾及其子資料夾中所有支援的文件</translation>
    </message>
    <message>
        <source>Mark document &amp;done</source>
        <translation>標記文件為已完成(&amp;D)</translation>
    </message>
    <message>
        <source>Mark this document as done (or not yet done)</source>
        <translation>將此文件標記為已完成（或尚未完成）</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>內容(&amp;P)…</translation>
    </message>
    <message>
        <source>Title, author, publication date, source and encoding of this document</source>
        <translation>此文件的標題、作者、發布日期、來源與編碼</translation>
    </message>
    <message>
        <source>Re-read with &amp;encoding…</source>
        <translation>以其他編碼重新讀取(&amp;E)…</translation>
    </message>
    <message>
        <source>Read this document again from its original bytes with another encoding</source>
        <translation>以另一種編碼從原始位元組重新讀取此文件</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export annotations as a JSON annotation set, CSV or JSON Lines</source>
        <translation>將標註匯出為 JSON 標註集、CSV 或 JSON Lines</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>統計(&amp;S)…</translation>
    </message>
    <message>
        <source>Cross-&amp;tabulation…</source>
        <translation>交叉分析表(&amp;T)…</translation>
    </message>
    <message>
        <source>A label's annotations per annotator, author, source, publication year or attribute value: table and bar chart</source>
        <translation>某標籤的標註依標註者、作者、來源、發布年份或屬性值分類：表格與長條圖</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>一致性(&amp;A)…</translation>
    </message>
    <message>
        <source>Inter-annotator agreement: kappas, Krippendorff's alpha and span F1</source>
        <translation>標註者間一致性：kappa 係數、Krippendorff's alpha 與範圍 F1</translation>
    </message>
    <message>
        <source>&amp;Retrieve…</source>
        <translation>檢索(&amp;R)…</translation>
    </message>
    <message>
        <source>Coded passages across the corpus, in context: filter, sort, open, export</source>
        <translation>跨語料的已編碼段落及其上下文：篩選、排序、開啟、匯出</translation>
    </message>
    <message>
        <source>C&amp;o-occurrence…</source>
        <translation>共現(&amp;O)…</translation>
    </message>
    <message>
        <source>Which labels occur together: overlapping, in one sentence or one paragraph</source>
        <translation>哪些標籤一起出現：範圍重疊、同一句或同一段落</translation>
    </message>
    <message>
        <source>&amp;Versions of this document…</source>
        <translation>此文件的版本(&amp;V)…</translation>
    </message>
    <message>
        <source>Earlier versions of this document (its text before a changed file was imported): open one to read it</source>
        <translation>此文件較早的版本（匯入變更後檔案前的內文）：開啟即可閱讀</translation>
    </message>
    <message>
        <source>&amp;Orphaned annotations…</source>
        <translation>孤立的標註(&amp;O)…</translation>
    </message>
    <message>
        <source>Annotations that could not be carried over to a newer version of this document: their quotes and notes</source>
        <translation>無法移轉到此文件較新版本的標註：其引文與備註</translation>
    </message>
    <message>
        <source>&amp;Curate document…</source>
        <translation>審定文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Compare the annotators' spans on this document and accept or reject each into a gold layer</source>
        <translation>比較此文件上各標註者的範圍，逐一接受或拒絕納入標準答案層</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>開啟資料庫(&amp;D)…</translation>
    </message>
    <message>
        <source>Switch to another Annotator database (an SQLite file)</source>
        <translation>切換到另一個 Annotator 資料庫（SQLite 檔案）</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>開啟團隊資料庫(&amp;T)…</translation>
    </message>
    <message>
        <source>Switch to a shared PostgreSQL database by its URL (a password is asked for, or read from ~/.pgpass, and never kept)</source>
        <translation>以網址切換到共用的 PostgreSQL 資料庫（會詢問密碼，或從 ~/.pgpass 讀取，絕不保存）</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>從備份還原(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace this database with one of its automatic backups (kept beside it)</source>
        <translation>以其自動備份之一取代此資料庫（備份存放在旁邊）</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>刪除標註(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected annotation</source>
        <translation>刪除所選的標註</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Mark claims, refusals and statistics in source documents.</source>
        <translation>在原始文件中標記聲稱、拒絕揭露與統計數字。</translation>
    </message>
    <message>
        <source>Versions and folders</source>
        <translation>版本與資料夾</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy these facts, in English, for a bug report</source>
        <translation>以英文複製這些資訊，供錯誤回報使用</translation>
    </message>
    <message>
        <source>Annotator {version}</source>
        <translation>Annotator {version}</translation>
    </message>
    <message>
        <source>Free software under the {licence} licence: you may use, copy, change and share it. &lt;a href="{link}"&gt;Read the licence&lt;/a&gt;.</source>
        <translation>依 {licence} 授權條款發布的自由軟體：您可以使用、複製、修改及分享。&lt;a href="{link}"&gt;閱讀授權條款&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>複製所選的文字</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <source>Select all the text; in the annotation list, every row it shows</source>
        <translation>選取全部文字；在標註清單中則選取所有顯示的列</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>下一份文件(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>上一份文件(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;annotation</source>
        <translation>下一個標註(&amp;A)</translation>
    </message>
    <message>
        <source>Previous a&amp;nnotation</source>
        <translation>上一個標註(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find in the document</source>
        <translation>在文件中尋找</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>尋找下一個(&amp;X)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>Edit &amp;note</source>
        <translation>編輯備註(&amp;N)</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>編輯備註</translation>
    </message>
    <message>
        <source>Focus &amp;text</source>
        <translation>移到內文(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Memo</source>
        <translation>備忘錄(&amp;M)</translation>
    </message>
    <message>
        <source>Write your memo on this document (saved as you type; Esc goes back to the text)</source>
        <translation>撰寫此文件的備忘錄（輸入時即儲存；按 Esc 回到內文）</translation>
    </message>
    <message>
        <source>&amp;Project memo</source>
        <translation>專案備忘錄(&amp;P)</translation>
    </message>
    <message>
        <source>Write your memo on the whole project (saved as you type)</source>
        <translation>撰寫整個專案的備忘錄（輸入時即儲存）</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用者指南(&amp;U)</translation>
    </message>
    <message>
        <source>Read the user guide: every action, the command line, formats and more</source>
        <translation>閱讀使用者指南：所有動作、命令列、格式等</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>關於 Annotator(&amp;A)</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>偏好設定(&amp;E)…</translation>
    </message>
    <message>
        <source>Theme, reading font, your name, backups, suggestions and keyboard shortcuts</source>
        <translation>佈景主題、閱讀字型、您的名稱、備份、建議與鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Make the text larger (remembered)</source>
        <translation>放大文字（會記住）</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation>縮小文字</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>The text at the size chosen in Preferences</source>
        <translation>以偏好設定中選擇的大小顯示文字</translation>
    </message>
    <message>
        <source>Snap selections to &amp;words</source>
        <translation>選取時對齊整個字詞(&amp;W)</translation>
    </message>
    <message>
        <source>Widen selections to whole words and numbers (2,000, 40.3%, HK$1.2) when selecting with the mouse, tagging and dragging an annotation's edge</source>
        <translation>以滑鼠選取、標註及拖曳標註邊緣時，將選取範圍擴大到完整的字詞與數字（2,000、40.3%、HK$1.2）</translation>
    </message>
    <message>
        <source>&amp;Edit labels…</source>
        <translation>編輯標籤(&amp;E)…</translation>
    </message>
    <message>
        <source>Add, rename, recolour, reorder labels; hotkeys, descriptions, attributes</source>
        <translation>新增、重新命名、變更顏色、重新排序標籤；設定按鍵、說明與屬性</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>Resi&amp;ze annotation</source>
        <translation>調整標註範圍(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Tag the selection as {label} ({key})</source>
        <translation>將選取範圍標註為 {label}（{key}）</translation>
    </message>
    <message>
        <source>Tag the selection as {label}</source>
        <translation>將選取範圍標註為 {label}</translation>
    </message>
    <message>
        <source>{action}: {description}</source>
        <translation>{action}：{description}</translation>
    </message>
    <message>
        <source>Tag as {label}</source>
        <translation>標註為 {label}</translation>
    </message>
    <message>
        <source>Tag selection:</source>
        <translation>標註選取範圍：</translation>
    </message>
    <message>
        <source>The user guide cannot open: {problem}.</source>
        <translation>無法開啟使用者指南：{problem}。</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>關於 Annotator</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>單選</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>是／否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No annotation selected.</source>
        <translation>未選取標註。</translation>
    </message>
    <message>
        <source>Note (F2 to edit, Ctrl+Enter to save, Esc to cancel)</source>
        <translation>備註（F2 編輯，Ctrl+Enter 儲存，Esc 取消）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <source>Clear other attributes</source>
        <translation>清除其他屬性</translation>
    </message>
    <message>
        <source>Remove the values of attributes this label does not define (kept from another label or an older scheme); undoable</source>
        <translation>移除此標籤未定義的屬性值（保留自其他標籤或較舊的標籤方案）；可復原</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} annotations selected.&lt;/b&gt; Delete and the label keys act on all of them; below is the current one, whose note and attributes you edit.</source>
        <translation>&lt;b&gt;已選取 {n} 個標註。&lt;/b&gt;Delete 與標籤鍵會作用於全部；下方是目前的標註，可編輯其備註與屬性。</translation>
    </message>
    <message>
        <source>a number, e.g. 2,000 or 12.5</source>
        <translation>數字，例如 2,000 或 12.5</translation>
    </message>
    <message>
        <source>{name} ({kind}): {description}</source>
        <translation>{name}（{kind}）：{description}</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; {start}–{end} · {annotator} · changed {time}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; {start}–{end} · {annotator} · 修改於 {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}&lt;/b&gt; {start}–{end} · {annotator} · changed {time} · suggested by rule {rule}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt; {start}–{end} · {annotator} · 修改於 {time} · 由規則 {rule} 建議</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>「{quote}」</translation>
    </message>
    <message>
        <source>&lt;i&gt;Other attributes:&lt;/i&gt; {values}</source>
        <translation>&lt;i&gt;其他屬性：&lt;/i&gt;{values}</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>匯出標註</translation>
    </message>
    <message>
        <source>This document: {title}</source>
        <translation>此文件：{title}</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>此文件</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Export the annotations of every document</source>
        <translation>匯出所有文件的標註</translation>
    </message>
    <message>
        <source>Export the annotations of the document shown only</source>
        <translation>只匯出目前顯示文件的標註</translation>
    </message>
    <message>
        <source>Export the {label} annotations</source>
        <translation>匯出「{label}」標註</translation>
    </message>
    <message>
        <source>Include document texts</source>
        <translation>包含文件內文</translation>
    </message>
    <message>
        <source>Compact (one line)</source>
        <translation>精簡（單行）</translation>
    </message>
    <message>
        <source>For Excel (UTF-8 with BOM)</source>
        <translation>供 Excel 使用（含 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>Write each document's text into the file too</source>
        <translation>同時將各文件的內文寫入檔案</translation>
    </message>
    <message>
        <source>JSON on one line, without indenting</source>
        <translation>JSON 寫成單行，不縮排</translation>
    </message>
    <message>
        <source>Begin the CSV with a byte order mark, so Excel reads UTF-8</source>
        <translation>CSV 開頭加上位元組順序標記，讓 Excel 以 UTF-8 讀取</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Annotator user guide</source>
        <translation>Annotator 使用者指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用者指南</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <source>Back to the page read before</source>
        <translation>回到先前閱讀的頁面</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>再前往下一頁</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>The guide's first page</source>
        <translation>指南的首頁</translation>
    </message>
    <message>
        <source>{path} is not part of this installation.</source>
        <translation>{path} 不在此安裝之中。</translation>
    </message>
    <message>
        <source>Label schemes and annotation sets (*.json);;All files (*)</source>
        <translation>標籤方案與標註集 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Import scheme…</source>
        <translation>匯入標籤方案(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport scheme…</source>
        <translation>匯出標籤方案(&amp;X)…</translation>
    </message>
    <message>
        <source>Add a label at the end</source>
        <translation>在最後新增一個標籤</translation>
    </message>
    <message>
        <source>Remove the label chosen (its annotations go with it)</source>
        <translation>移除所選標籤（其標註一併移除）</translation>
    </message>
    <message>
        <source>Move the label chosen up the list</source>
        <translation>將所選標籤在清單中上移</translation>
    </message>
    <message>
        <source>Move the label chosen down the list</source>
        <translation>將所選標籤在清單中下移</translation>
    </message>
    <message>
        <source>Read a scheme from a file</source>
        <translation>從檔案讀取標籤方案</translation>
    </message>
    <message>
        <source>Write this scheme to a file</source>
        <translation>將此標籤方案寫入檔案</translation>
    </message>
    <message>
        <source>Choose any colour</source>
        <translation>選擇任意顏色</translation>
    </message>
    <message>
        <source>{colour} (colour-blind-safe palette)</source>
        <translation>{colour}（色盲友善調色盤）</translation>
    </message>
    <message>
        <source>Colour {colour}</source>
        <translation>顏色 {colour}</translation>
    </message>
    <message>
        <source>a key, e.g. 4, q or F5 (empty for none)</source>
        <translation>一個按鍵，例如 4、q 或 F5（留空表示無）</translation>
    </message>
    <message>
        <source>Drawn in the margin beside this label's spans, a cue besides colour</source>
        <translation>畫在此標籤範圍旁的邊欄，作為顏色之外的提示</translation>
    </message>
    <message>
        <source>Choices: separate them with commas</source>
        <translation>選項：以逗號分隔</translation>
    </message>
    <message>
        <source>Add a&amp;ttribute</source>
        <translation>新增屬性(&amp;T)</translation>
    </message>
    <message>
        <source>Remove attri&amp;bute</source>
        <translation>移除屬性(&amp;B)</translation>
    </message>
    <message>
        <source>Add an attribute to the label chosen</source>
        <translation>為所選標籤新增屬性</translation>
    </message>
    <message>
        <source>Remove the attribute chosen</source>
        <translation>移除所選屬性</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>顏色：</translation>
    </message>
    <message>
        <source>&amp;Hotkey:</source>
        <translation>按鍵(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>說明(&amp;D)：</translation>
    </message>
    <message>
        <source>Marker:</source>
        <translation>標記：</translation>
    </message>
    <message>
        <source>Attributes annotations with this label can carry:</source>
        <translation>此標籤的標註可帶有的屬性：</translation>
    </message>
    <message>
        <source>label {name}: {key} is not one key</source>
        <translation>標籤 {name}：{key} 不是單一按鍵</translation>
    </message>
    <message>
        <source>label {name}: {key} is already {action}</source>
        <translation>標籤 {name}：{key} 已是「{action}」的按鍵</translation>
    </message>
    <message>
        <source>These labels cannot be saved</source>
        <translation>無法儲存這些標籤</translation>
    </message>
    <message>
        <source>label {n}</source>
        <translation>標籤 {n}</translation>
    </message>
    <message>
        <source>Label {name} is used by 1 annotation. Removing it deletes it too.

You can undo this afterwards with Ctrl+Z.</source>
        <translation>標籤 {name} 有 1 個標註使用。移除標籤會一併刪除該標註。

之後可按 Ctrl+Z 復原。</translation>
    </message>
    <message>
        <source>Label {name} is used by {n} annotations. Removing it deletes them too.

You can undo this afterwards with Ctrl+Z.</source>
        <translation>標籤 {name} 有 {n} 個標註使用。移除標籤會一併刪除這些標註。

之後可按 Ctrl+Z 復原。</translation>
    </message>
    <message>
        <source>Remove a label in use</source>
        <translation>移除使用中的標籤</translation>
    </message>
    <message>
        <source>Cannot import the scheme</source>
        <translation>無法匯入標籤方案</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <source>Cannot export the scheme</source>
        <translation>無法匯出標籤方案</translation>
    </message>
    <message>
        <source>Import a label scheme</source>
        <translation>匯入標籤方案</translation>
    </message>
    <message>
        <source>Export the label scheme</source>
        <translation>匯出標籤方案</translation>
    </message>
    <message>
        <source>delete label '{label}'</source>
        <translation>刪除標籤「{label}」</translation>
    </message>
    <message>
        <source>add label '{label}'</source>
        <translation>新增標籤「{label}」</translation>
    </message>
    <message>
        <source>rename '{old}' to '{new}'</source>
        <translation>將「{old}」更名為「{new}」</translation>
    </message>
    <message>
        <source>Could not save the change</source>
        <translation>無法儲存變更</translation>
    </message>
    <message>
        <source>{encoding} (chosen by you)</source>
        <translation>{encoding}（由您選擇）</translation>
    </message>
    <message>
        <source>{encoding} ({percent} sure)</source>
        <translation>{encoding}（把握度 {percent}）</translation>
    </message>
    <message>
        <source>Document properties</source>
        <translation>文件屬性</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>YYYY-MM-DD、YYYY-MM 或 YYYY</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>出版日期：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>來源：</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>檔案名稱：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>編碼：</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>匯入時間：</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>字元數：</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>文件需要標題。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, YYYY-MM or YYYY.</source>
        <translation>日期請寫成 YYYY-MM-DD、YYYY-MM 或 YYYY。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>其他按鍵</translation>
    </message>
    <message>
        <source>Click, then press the new keys</source>
        <translation>按一下，再按下新的按鍵</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No keys for this action</source>
        <translation>此動作不設按鍵</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <source>Back to this action's default keys</source>
        <translation>恢復此動作的預設按鍵</translation>
    </message>
    <message>
        <source>Take it</source>
        <translation>改用於此</translation>
    </message>
    <message>
        <source>Give the keys to this action and take them from the other</source>
        <translation>將按鍵指定給此動作，並從另一個動作移除</translation>
    </message>
    <message>
        <source>Reset all to defaults</source>
        <translation>全部恢復預設值</translation>
    </message>
    <message>
        <source>Click a shortcut and press the new keys. Label keys are set in Edit labels.</source>
        <translation>按一下快速鍵，再按下新的按鍵。標籤鍵請在「編輯標籤」中設定。</translation>
    </message>
    <message>
        <source>{key} tags as {label}: choose another key, or change the label's key in Label ▸ Edit labels.</source>
        <translation>{key} 用於標註為「{label}」：請選擇其他按鍵，或在「標籤 ▸ 編輯標籤」中變更該標籤的按鍵。</translation>
    </message>
    <message>
        <source>{key} is already the key of “{action}”. Press another key, or Take it from “{action}”.</source>
        <translation>{key} 已是「{action}」的按鍵。請按其他按鍵，或從「{action}」改用於此。</translation>
    </message>
    <message>
        <source>“{action}”: {key}.</source>
        <translation>「{action}」：{key}。</translation>
    </message>
    <message>
        <source>{key} is now “{action}”; “{other}” lost it.</source>
        <translation>{key} 現在用於「{action}」；「{other}」已不再使用它。</translation>
    </message>
    <message>
        <source>“{action}”: no keys.</source>
        <translation>「{action}」：無按鍵。</translation>
    </message>
    <message>
        <source>“{action}”: its default keys.</source>
        <translation>「{action}」：已恢復預設按鍵。</translation>
    </message>
    <message>
        <source>Every shortcut is back to its default.</source>
        <translation>所有快速鍵都已恢復預設值。</translation>
    </message>
    <message>
        <source>&amp;Document list</source>
        <translation>文件清單(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Annotation panel</source>
        <translation>標註面板(&amp;A)</translation>
    </message>
    <message>
        <source>Show or fold this panel (it folds by itself in a narrow window)</source>
        <translation>顯示或收合此面板（視窗變窄時會自動收合）</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>將圖表存為 PNG…</translation>
    </message>
    <message>
        <source>Cross-&amp;tabulate…</source>
        <translation>交叉分析(&amp;T)…</translation>
    </message>
    <message>
        <source>A label's annotations per annotator, author, source, year or attribute</source>
        <translation>某標籤的標註依標註者、作者、來源、年份或屬性分類</translation>
    </message>
    <message>
        <source>Dashed outlines are suggestions: Enter accepts, a label key accepts as that label, Esc or x rejects, ] and [ go to the next and previous. Nothing is saved unless you accept.</source>
        <translation>虛線框是建議：Enter 接受，按標籤鍵以該標籤接受，Esc 或 x 拒絕，] 與 [ 前往下一個與上一個。除非您接受，否則不會儲存任何內容。</translation>
    </message>
    <message>
        <source>Hide suggestions</source>
        <translation>隱藏建議</translation>
    </message>
    <message>
        <source>Draw no suggestions (Suggestions ▸ Show suggestions)</source>
        <translation>不繪製建議（建議 ▸ 顯示建議）</translation>
    </message>
    <message>
        <source>Got it: do not show this again</source>
        <translation>知道了：不再顯示</translation>
    </message>
    <message>
        <source>At the caret: {annotations}</source>
        <translation>游標處：{annotations}</translation>
    </message>
    <message>
        <source>No annotation at the caret</source>
        <translation>游標處沒有標註</translation>
    </message>
    <message>
        <source>Annotations per label: corpus (solid) and this document (faded)</source>
        <translation>各標籤的標註數：全部文件（實色）與此文件（淡色）</translation>
    </message>
    <message>
        <source>Annotator cannot restore the backup</source>
        <translation>Annotator 無法還原備份</translation>
    </message>
    <message>
        <source>Annotator cannot start</source>
        <translation>Annotator 無法啟動</translation>
    </message>
    <message>
        <source>Suggested {label} (confidence {confidence}): {reason}</source>
        <translation>建議標註為 {label}（信心 {confidence}）：{reason}</translation>
    </message>
    <message>
        <source>Enter or {key} accepts, Esc or x rejects</source>
        <translation>按 Enter 或 {key} 接受，按 Esc 或 x 拒絕</translation>
    </message>
    <message>
        <source>Enter accepts, Esc or x rejects</source>
        <translation>按 Enter 接受，按 Esc 或 x 拒絕</translation>
    </message>
    <message>
        <source>Rule «{rule}»: {record}</source>
        <translation>規則「{rule}」：{record}</translation>
    </message>
    <message>
        <source>Suggested {label}: {reason} ({confidence}). Enter or {key} accepts, x rejects</source>
        <translation>建議標註為 {label}：{reason}（{confidence}）。按 Enter 或 {key} 接受，按 x 拒絕</translation>
    </message>
    <message>
        <source>Suggested {label}: {reason} ({confidence}). Enter accepts, x rejects</source>
        <translation>建議標註為 {label}：{reason}（{confidence}）。按 Enter 接受，按 x 拒絕</translation>
    </message>
    <message>
        <source>Open suggestions in this document (Suggestions menu)</source>
        <translation>此文件中尚未處理的建議（建議選單）</translation>
    </message>
    <message>
        <source>Suggestions shown.</source>
        <translation>已顯示建議。</translation>
    </message>
    <message>
        <source>Suggestions hidden.</source>
        <translation>已隱藏建議。</translation>
    </message>
    <message>
        <source>Could not read what to learn: {problem}</source>
        <translation>無法讀取要學習的內容：{problem}</translation>
    </message>
    <message>
        <source>Could not look for tagged phrases: {problem}</source>
        <translation>無法搜尋已標註的詞句：{problem}</translation>
    </message>
    <message>
        <source>Suggestions are unavailable: {problem}</source>
        <translation>無法提供建議：{problem}</translation>
    </message>
    <message>
        <source>Suggestion rules</source>
        <translation>建議規則</translation>
    </message>
    <message>
        <source>Could not read rejections: {problem}</source>
        <translation>無法讀取已拒絕的建議：{problem}</translation>
    </message>
    <message>
        <source>suggesting…</source>
        <translation>建議產生中…</translation>
    </message>
    <message>
        <source>no suggestions (rule error)</source>
        <translation>沒有建議（規則錯誤）</translation>
    </message>
    <message>
        <source>1 suggestion</source>
        <translation>1 個建議</translation>
    </message>
    <message>
        <source>{n} suggestions</source>
        <translation>{n} 個建議</translation>
    </message>
    <message>
        <source>Suggestions are hidden (Suggestions ▸ Show suggestions).</source>
        <translation>建議已隱藏（建議 ▸ 顯示建議）。</translation>
    </message>
    <message>
        <source>No suggestions here.</source>
        <translation>這裡沒有建議。</translation>
    </message>
    <message>
        <source>No open suggestions in this document.</source>
        <translation>此文件中沒有尚未處理的建議。</translation>
    </message>
    <message>
        <source>Back to the first.</source>
        <translation>回到第一個。</translation>
    </message>
    <message>
        <source>{done} Back to the first, {number} of {total}: {summary}</source>
        <translation>{done}回到第一個，第 {number} 個，共 {total} 個：{summary}</translation>
    </message>
    <message>
        <source>{done} Next, {number} of {total}: {summary}</source>
        <translation>{done}下一個，第 {number} 個，共 {total} 個：{summary}</translation>
    </message>
    <message>
        <source>{number} of {total}: {summary}</source>
        <translation>第 {number} 個，共 {total} 個：{summary}</translation>
    </message>
    <message>
        <source>Already tagged as {label}.</source>
        <translation>已標註為 {label}。</translation>
    </message>
    <message>
        <source>Accepted {label} {start}–{end} (suggested as {suggested}, accepted as {label}) (F2: its note).</source>
        <translation>已接受 {label} {start}–{end}（建議為 {suggested}，接受為 {label}）（F2：編輯備註）。</translation>
    </message>
    <message>
        <source>Accepted {label} {start}–{end} (F2: its note).</source>
        <translation>已接受 {label} {start}–{end}（F2：編輯備註）。</translation>
    </message>
    <message>
        <source>accept suggested '{label}'</source>
        <translation>接受建議的「{label}」</translation>
    </message>
    <message>
        <source>reject suggested '{label}'</source>
        <translation>拒絕建議的「{label}」</translation>
    </message>
    <message>
        <source>Rejected {label} {start}–{end} (not offered again here).</source>
        <translation>已拒絕 {label} {start}–{end}（此文件中不再提出）。</translation>
    </message>
    <message>
        <source>{done} No suggestions left.</source>
        <translation>{done}已沒有其他建議。</translation>
    </message>
    <message>
        <source>No open {label} suggestions.</source>
        <translation>沒有尚未處理的 {label} 建議。</translation>
    </message>
    <message>
        <source>Accepted 1 {label} suggestion (one undo step).</source>
        <translation>已接受 1 個 {label} 建議（可一次復原）。</translation>
    </message>
    <message>
        <source>Accepted {n} {label} suggestions (one undo step).</source>
        <translation>已接受 {n} 個 {label} 建議（可一次復原）。</translation>
    </message>
    <message>
        <source>accept {n} suggested '{label}'</source>
        <translation>接受 {n} 個建議的「{label}」</translation>
    </message>
    <message>
        <source>Stopped suggesting «{rule}» in this database (Suggestions ▸ Rules switched off brings it back).</source>
        <translation>已在此資料庫停用規則「{rule}」（可從 建議 ▸ 已停用的規則 重新啟用）。</translation>
    </message>
    <message>
        <source>stop suggesting «{rule}»</source>
        <translation>停用規則「{rule}」</translation>
    </message>
    <message>
        <source>Suggesting «{rule}» again.</source>
        <translation>已重新啟用規則「{rule}」。</translation>
    </message>
    <message>
        <source>suggest «{rule}» again</source>
        <translation>重新啟用規則「{rule}」</translation>
    </message>
    <message>
        <source>Could not read the rules off: {problem}</source>
        <translation>無法讀取已停用的規則：{problem}</translation>
    </message>
    <message>
        <source>Could not bring the suggestions back</source>
        <translation>無法恢復建議</translation>
    </message>
    <message>
        <source>bring back 1 rejected suggestion</source>
        <translation>恢復 1 個已拒絕的建議</translation>
    </message>
    <message>
        <source>1 rejected suggestion offered again.</source>
        <translation>已重新提出 1 個已拒絕的建議。</translation>
    </message>
    <message>
        <source>bring back {n} rejected suggestions</source>
        <translation>恢復 {n} 個已拒絕的建議</translation>
    </message>
    <message>
        <source>{n} rejected suggestions offered again.</source>
        <translation>已重新提出 {n} 個已拒絕的建議。</translation>
    </message>
    <message>
        <source>&amp;Show suggestions</source>
        <translation>顯示建議(&amp;S)</translation>
    </message>
    <message>
        <source>Draw the rules' suggestions as dashed outlines (hidden: none drawn, their keys do nothing)</source>
        <translation>以虛線框顯示規則產生的建議（隱藏時不顯示，相關按鍵也不作用）</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>下一個建議(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next open suggestion</source>
        <translation>前往下一個尚未處理的建議</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>上一個建議(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous open suggestion</source>
        <translation>前往上一個尚未處理的建議</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>接受建議(&amp;A)</translation>
    </message>
    <message>
        <source>Make the current suggestion an annotation (a label key accepts it as that label)</source>
        <translation>將目前的建議轉為標註（按標籤鍵則以該標籤接受）</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>拒絕建議(&amp;R)</translation>
    </message>
    <message>
        <source>Reject the current suggestion: it does not come back in this document</source>
        <translation>拒絕目前的建議：此文件中不會再出現</translation>
    </message>
    <message>
        <source>S&amp;top suggesting this rule</source>
        <translation>停用此規則(&amp;T)</translation>
    </message>
    <message>
        <source>Switch the current suggestion's rule off in this database: it suggests nothing more, in any document, until switched on again (Ctrl+Z undoes)</source>
        <translation>在此資料庫停用目前建議所屬的規則：重新啟用前，它在任何文件中都不再提出建議（Ctrl+Z 可復原）</translation>
    </message>
    <message>
        <source>Bring back &amp;rejected suggestions</source>
        <translation>恢復已拒絕的建議(&amp;R)</translation>
    </message>
    <message>
        <source>Forget the suggestions rejected in this document, so they are offered again</source>
        <translation>忘記此文件中已拒絕的建議，使它們重新提出</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>建議(&amp;S)</translation>
    </message>
    <message>
        <source>R&amp;ules switched off</source>
        <translation>已停用的規則(&amp;U)</translation>
    </message>
    <message>
        <source>Accept &amp;all of a label</source>
        <translation>接受某標籤的全部建議(&amp;A)</translation>
    </message>
    <message>
        <source>Suggest «{rule}» again</source>
        <translation>重新啟用規則「{rule}」</translation>
    </message>
    <message>
        <source>Accept the 1 {label} suggestion</source>
        <translation>接受這 1 個 {label} 建議</translation>
    </message>
    <message>
        <source>Accept all {n} {label} suggestions</source>
        <translation>接受全部 {n} 個 {label} 建議</translation>
    </message>
    <message>
        <source>S&amp;top suggesting «{rule}»</source>
        <translation>停用規則「{rule}」(&amp;T)</translation>
    </message>
    <message>
        <source>mine ({me})</source>
        <translation>我（{me}）的</translation>
    </message>
    <message>
        <source>{name}'s</source>
        <translation> {name} 的</translation>
    </message>
    <message>
        <source>everyone's</source>
        <translation>所有人的</translation>
    </message>
    <message>
        <source>Who you are annotating as, and whose annotations are shown: click to change</source>
        <translation>您以誰的身分標註，以及顯示誰的標註：按一下即可變更</translation>
    </message>
    <message>
        <source>Cannot annotate under this name</source>
        <translation>無法以此名稱標註</translation>
    </message>
    <message>
        <source>Annotating as {name}: new annotations record this name. ($ANNOTATOR_USER is set: the next launch uses it again.)</source>
        <translation>以 {name} 身分標註：新的標註會記錄此名稱。（已設定 $ANNOTATOR_USER：下次啟動時會再使用它。）</translation>
    </message>
    <message>
        <source>Annotating as {name}: new annotations record this name.</source>
        <translation>以 {name} 身分標註：新的標註會記錄此名稱。</translation>
    </message>
    <message>
        <source>Showing {whose} annotations.</source>
        <translation>顯示{whose}標註。</translation>
    </message>
    <message>
        <source>Could not show the annotations</source>
        <translation>無法顯示標註</translation>
    </message>
    <message>
        <source>Could not read the document list</source>
        <translation>無法讀取文件清單</translation>
    </message>
    <message>
        <source>Could not open the document</source>
        <translation>無法開啟文件</translation>
    </message>
    <message>
        <source>Version {version} of {newest}, as it was imported. New annotations go on the newest version (View ▸ Versions…).</source>
        <translation>第 {version} 版（共 {newest} 版），為匯入時的內容。新的標註會加在最新版本上（檢視 ▸ 版本…）。</translation>
    </message>
    <message>
        <source>Could not remember the open document: {problem}</source>
        <translation>無法記住開啟中的文件：{problem}</translation>
    </message>
    <message>
        <source>Could not load the annotations</source>
        <translation>無法載入標註</translation>
    </message>
    <message>
        <source>Could not refresh: {problem}</source>
        <translation>無法重新整理：{problem}</translation>
    </message>
    <message>
        <source>{title} (version {version} of {newest})</source>
        <translation>{title}（第 {version} 版，共 {newest} 版）</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title}（第 {version} 版）</translation>
    </message>
    <message>
        <source>Could not list the versions</source>
        <translation>無法列出版本</translation>
    </message>
    <message>
        <source>Could not list the orphaned annotations</source>
        <translation>無法列出孤立的標註</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <source>Annotator databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Annotator 資料庫 (*.db *.sqlite *.sqlite3);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>無法開啟資料庫</translation>
    </message>
    <message>
        <source>{database} is already open.</source>
        <translation>{database} 已經開啟。</translation>
    </message>
    <message>
        <source>No backups</source>
        <translation>沒有備份</translation>
    </message>
    <message>
        <source>Backups are made of SQLite database files only.</source>
        <translation>只有 SQLite 資料庫檔案會建立備份。</translation>
    </message>
    <message>
        <source>Could not restore the backup</source>
        <translation>無法還原備份</translation>
    </message>
    <message>
        <source>Restored {database} from {backup}.</source>
        <translation>已從 {backup} 還原 {database}。</translation>
    </message>
    <message>
        <source>Restored {database} from {backup}. The database it replaced is kept as {kept}.</source>
        <translation>已從 {backup} 還原 {database}。被取代的資料庫保留為 {kept}。</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>未還原任何內容。</translation>
    </message>
    <message>
        <source>Resize the selected annotation with the mouse</source>
        <translation>用滑鼠調整所選標註的範圍</translation>
    </message>
    <message>
        <source>Drag its start or end edge (the pointer turns into ↔); Esc cancels</source>
        <translation>拖曳其開頭或結尾邊緣（指標會變成 ↔）；按 Esc 取消</translation>
    </message>
    <message>
        <source>Snap selections to words (View menu, on or off)</source>
        <translation>選取時對齊整個字詞（檢視選單，開啟或關閉）</translation>
    </message>
    <message>
        <source>Mouse selections, tagging and dragged edges take whole words and numbers</source>
        <translation>滑鼠選取、標註與拖曳邊緣時會涵蓋完整的字詞與數字</translation>
    </message>
    <message>
        <source>Select several annotations in the list</source>
        <translation>在清單中選取多個標註</translation>
    </message>
    <message>
        <source>Ctrl+click, Shift+click or Shift+arrows; Ctrl+A there takes every row shown. Delete and the label keys then act on all of them, as one undo step</source>
        <translation>Ctrl+按一下、Shift+按一下或 Shift+方向鍵；在清單中按 Ctrl+A 會選取所有顯示的列。之後 Delete 與標籤鍵會作用於全部，並可一次復原</translation>
    </message>
    <message>
        <source>This is version {version}, an older one: tag on the newest (version {newest}), which View ▸ Versions… opens.</source>
        <translation>這是較舊的第 {version} 版：請在最新的第 {newest} 版上標註，可從 檢視 ▸ 版本… 開啟。</translation>
    </message>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>請先選取文字，再按標籤鍵。</translation>
    </message>
    <message>
        <source>Could not save the annotation</source>
        <translation>無法儲存標註</translation>
    </message>
    <message>
        <source>Tagged {label} {start}–{end} as {annotator}; not shown: the view shows {whose} annotations only (Annotator ▸ Show everyone's annotations).</source>
        <translation>已以 {annotator} 身分標註 {label} {start}–{end}；未顯示：目前只顯示{whose}標註（標註者 ▸ 顯示所有人的標註）。</translation>
    </message>
    <message>
        <source>Tagged {label} {start}–{end}.</source>
        <translation>已標註 {label} {start}–{end}。</translation>
    </message>
    <message>
        <source>Tag the selection as {label}, or relabel the chosen annotation</source>
        <translation>將選取範圍標註為 {label}，或將所選標註改為此標籤</translation>
    </message>
    <message>
        <source>Select text and press a label key to tag it; F1 shows this.</source>
        <translation>選取文字後按標籤鍵即可標註；按 F1 可顯示此視窗。</translation>
    </message>
    <message>
        <source>Could not change the labels</source>
        <translation>無法變更標籤</translation>
    </message>
    <message>
        <source>Labels saved ({name}).</source>
        <translation>已儲存標籤（{name}）。</translation>
    </message>
    <message>
        <source>Undid {action}.</source>
        <translation>已復原：{action}。</translation>
    </message>
    <message>
        <source>Redid {action}.</source>
        <translation>已重做：{action}。</translation>
    </message>
    <message>
        <source>Could not undo or redo</source>
        <translation>無法復原或重做</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>復原 {action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做 {action}(&amp;R)</translation>
    </message>
    <message>
        <source>Could not delete the annotation</source>
        <translation>無法刪除標註</translation>
    </message>
    <message>
        <source>Deleted {label} {start}–{end}.</source>
        <translation>已刪除 {label} {start}–{end}。</translation>
    </message>
    <message>
        <source>{label} {start}–{end} ({number} of {total} here; click again for the next)</source>
        <translation>{label} {start}–{end}（此處第 {number} 個，共 {total} 個；再按一下切換到下一個）</translation>
    </message>
    <message>
        <source>Relabel as {label}</source>
        <translation>改標為 {label}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>…還有 {n} 個</translation>
    </message>
    <message>
        <source>Import documents or annotation sets</source>
        <translation>匯入文件或標註集</translation>
    </message>
    <message>
        <source>Documents and annotation sets ({patterns});;All files (*)</source>
        <translation>文件與標註集 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import a folder of documents</source>
        <translation>匯入文件資料夾</translation>
    </message>
    <message>
        <source>Could not mark the document</source>
        <translation>無法標記文件</translation>
    </message>
    <message>
        <source>Marked done.</source>
        <translation>已標記為完成。</translation>
    </message>
    <message>
        <source>Marked not done.</source>
        <translation>已標記為未完成。</translation>
    </message>
    <message>
        <source>Could not save the properties</source>
        <translation>無法儲存內容資訊</translation>
    </message>
    <message>
        <source>Cannot re-read this document</source>
        <translation>無法重新讀取此文件</translation>
    </message>
    <message>
        <source>Could not make the new version</source>
        <translation>無法建立新版本</translation>
    </message>
    <message>
        <source>That text is already stored: nothing was changed.</source>
        <translation>該文字已儲存過：未做任何變更。</translation>
    </message>
    <message>
        <source>Re-read as {encoding}: version {version}; annotations placed {counts}.</source>
        <translation>已以 {encoding} 重新讀取：第 {version} 版；標註放置結果：{counts}。</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有匯入正在進行。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>已取消匯入：未做任何變更。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未匯入任何內容</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>部分檔案未匯入</translation>
    </message>
    <message>
        <source>Orphaned annotations are kept on the version they were made on: View ▸ Orphaned annotations… lists them.</source>
        <translation>孤立的標註會保留在建立時的版本上：檢視 ▸ 孤立的標註… 會列出它們。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>正在讀取檔案</translation>
    </message>
    <message>
        <source>Some selections cannot be placed</source>
        <translation>部分選取範圍無法放置</translation>
    </message>
    <message>
        <source>Import the rest, leaving these out? Nothing is changed until you choose.</source>
        <translation>要略過這些、匯入其餘部分嗎？在您選擇之前不會做任何變更。</translation>
    </message>
    <message>
        <source>Import the rest</source>
        <translation>匯入其餘部分</translation>
    </message>
    <message>
        <source>Some files cannot be imported</source>
        <translation>部分檔案無法匯入</translation>
    </message>
    <message>
        <source>1 file cannot be imported:</source>
        <translation>1 個檔案無法匯入：</translation>
    </message>
    <message>
        <source>{n} files cannot be imported:</source>
        <translation>{n} 個檔案無法匯入：</translation>
    </message>
    <message>
        <source>Import the other file? Nothing is changed until you choose.</source>
        <translation>要匯入另一個檔案嗎？在您選擇之前不會做任何變更。</translation>
    </message>
    <message>
        <source>Import the other file</source>
        <translation>匯入另一個檔案</translation>
    </message>
    <message>
        <source>Import the {n} others? Nothing is changed until you choose.</source>
        <translation>要匯入其他 {n} 個檔案嗎？在您選擇之前不會做任何變更。</translation>
    </message>
    <message>
        <source>Import the {n} others</source>
        <translation>匯入其他 {n} 個檔案</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>匯入中…</translation>
    </message>
    <message>
        <source>Annotations conflict</source>
        <translation>標註衝突</translation>
    </message>
    <message>
        <source>{problem}

Replace the annotations in the database with the file's versions?</source>
        <translation>{problem}

要以檔案中的版本取代資料庫中的標註嗎？</translation>
    </message>
    <message>
        <source>Export annotations into a folder</source>
        <translation>將標註匯出到資料夾</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消匯出：未寫入任何檔案。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Exported {annotations} annotation(s) in {documents} document(s) to {path}.</source>
        <translation>已將 {documents} 份文件中的 {annotations} 個標註匯出至 {path}。</translation>
    </message>
    <message>
        <source>Could not count annotations</source>
        <translation>無法計算標註數量</translation>
    </message>
    <message>
        <source>Text size {points} pt (Ctrl+0: back to normal)</source>
        <translation>文字大小 {points} pt（Ctrl+0：恢復正常）</translation>
    </message>
    <message>
        <source>The backup settings could not be kept: {problem}</source>
        <translation>無法保存備份設定：{problem}</translation>
    </message>
    <message>
        <source>Preferences applied.</source>
        <translation>已套用偏好設定。</translation>
    </message>
    <message>
        <source>No annotation selected: click one in the text or the list, then F2 edits its note.</source>
        <translation>未選取標註：在內文或清單中按一下某個標註，再按 F2 即可編輯其備註。</translation>
    </message>
    <message>
        <source>Could not save the note</source>
        <translation>無法儲存備註</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>已儲存備註。</translation>
    </message>
    <message>
        <source>Could not save {attribute}</source>
        <translation>無法儲存 {attribute}</translation>
    </message>
    <message>
        <source>{attribute} saved.</source>
        <translation>已儲存 {attribute}。</translation>
    </message>
    <message>
        <source>Select a single annotation to resize it.</source>
        <translation>請只選取一個標註來調整範圍。</translation>
    </message>
    <message>
        <source>Selections snap to whole words.</source>
        <translation>選取範圍會對齊整個字詞。</translation>
    </message>
    <message>
        <source>Selections are taken as made.</source>
        <translation>選取範圍維持原樣。</translation>
    </message>
    <message>
        <source>Could not resize the annotation</source>
        <translation>無法調整標註範圍</translation>
    </message>
    <message>
        <source>{label} now {start}–{end}.</source>
        <translation>{label} 現為 {start}–{end}。</translation>
    </message>
    <message>
        <source>Could not change the label</source>
        <translation>無法變更標籤</translation>
    </message>
    <message>
        <source>Relabelled {old} as {label}.</source>
        <translation>已將 {old} 改標為 {label}。</translation>
    </message>
    <message>
        <source>&amp;Delete {n} annotations</source>
        <translation>刪除 {n} 個標註(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the {n} selected annotations (one undo step)</source>
        <translation>刪除所選的 {n} 個標註（可一次復原）</translation>
    </message>
    <message>
        <source>Could not delete the annotations</source>
        <translation>無法刪除標註</translation>
    </message>
    <message>
        <source>{problem}

Nothing was deleted.</source>
        <translation>{problem}

未刪除任何內容。</translation>
    </message>
    <message>
        <source>Deleted 1 annotation; Ctrl+Z brings it back.</source>
        <translation>已刪除 1 個標註；按 Ctrl+Z 可恢復。</translation>
    </message>
    <message>
        <source>Deleted {n} annotations; Ctrl+Z brings them back.</source>
        <translation>已刪除 {n} 個標註；按 Ctrl+Z 可恢復。</translation>
    </message>
    <message>
        <source>The selected annotations are {label} already.</source>
        <translation>所選的標註已經是 {label}。</translation>
    </message>
    <message>
        <source>{problem}

No label was changed.</source>
        <translation>{problem}

未變更任何標籤。</translation>
    </message>
    <message>
        <source>Relabelled 1 annotation as {label}.</source>
        <translation>已將 1 個標註改標為 {label}。</translation>
    </message>
    <message>
        <source>Relabelled {n} annotations as {label}.</source>
        <translation>已將 {n} 個標註改標為 {label}。</translation>
    </message>
    <message>
        <source>Some annotations kept their label</source>
        <translation>部分標註保留原標籤</translation>
    </message>
    <message>
        <source>{n} annotation(s) kept their label: an identical {label} annotation (same span, same annotator) exists already. Delete them if they are duplicates.</source>
        <translation>{n} 個標註保留原標籤：已有相同的 {label} 標註（範圍與標註者皆相同）。若為重複，請刪除它們。</translation>
    </message>
    <message>
        <source>No document open · {database}</source>
        <translation>未開啟文件 · {database}</translation>
    </message>
    <message>
        <source>{title} · loading annotations…</source>
        <translation>{title} · 正在載入標註…</translation>
    </message>
    <message>
        <source>version {version} of {newest} · </source>
        <translation>第 {version} 版，共 {newest} 版 · </translation>
    </message>
    <message>
        <source>version {version} · </source>
        <translation>第 {version} 版 · </translation>
    </message>
    <message>
        <source>1 annotation ({per_label})</source>
        <translation>1 個標註（{per_label}）</translation>
    </message>
    <message>
        <source>{n} annotations ({per_label})</source>
        <translation>{n} 個標註（{per_label}）</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} 個字元</translation>
    </message>
    <message>
        <source>{annotations} · {version}{characters} · {title}</source>
        <translation>{annotations} · {version}{characters} · {title}</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>{day} {month} {year}, {time}</source>
        <translation>{year}年{month}{day}日 {time}</translation>
    </message>
    <message>
        <source>no document matches {pattern} (give a document id, or a title or part of one; * and ? are wildcards)</source>
        <translation>沒有符合 {pattern} 的文件（請提供文件 id，或標題或其中一部分；* 與 ? 為萬用字元）</translation>
    </message>
    <message>
        <source>unknown label {label}; the labels are: {known}</source>
        <translation>未知的標籤 {label}；現有標籤：{known}</translation>
    </message>
    <message>
        <source>unknown annotator {who}; annotators in the database: {known}</source>
        <translation>未知的標註者 {who}；資料庫中的標註者：{known}</translation>
    </message>
    <message>
        <source>agreement needs at least two annotators; only {coders} was chosen</source>
        <translation>一致性需要至少兩位標註者；只選了 {coders}</translation>
    </message>
    <message>
        <source>documents marked done</source>
        <translation>標記為完成的文件</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>only by {name}</source>
        <translation>只有 {name} </translation>
    </message>
    <message>
        <source>by nobody</source>
        <translation>沒有人</translation>
    </message>
    <message>
        <source>agreement needs at least two annotators; the chosen {where} are annotated {present}</source>
        <translation>一致性需要至少兩位標註者；所選的{where}{present}標註過</translation>
    </message>
    <message>
        <source>Cannot export: {problem}. Nothing was written.</source>
        <translation>無法匯出：{problem}。未寫入任何內容。</translation>
    </message>
    <message>
        <source>the user guide's page {name} is missing from the installation</source>
        <translation>安裝中缺少使用者指南的頁面 {name}</translation>
    </message>
    <message>
        <source>Imported {created} document(s); {already} already imported</source>
        <translation>已匯入 {created} 份文件；{already} 份先前已匯入</translation>
    </message>
    <message>
        <source>Imported {created} document(s)</source>
        <translation>已匯入 {created} 份文件</translation>
    </message>
    <message>
        <source>{count} new version(s) of known documents: annotations placed {counts}</source>
        <translation>已知文件的 {count} 個新版本：標註的放置為 {counts}</translation>
    </message>
    <message>
        <source>Merged {count} annotation set(s): {added} annotation(s) added, {skipped} skipped, {replaced} replaced</source>
        <translation>已合併 {count} 個標註集：新增 {added} 個標註，略過 {skipped} 個，取代 {replaced} 個</translation>
    </message>
    <message>
        <source>{count} file(s) could not be imported</source>
        <translation>{count} 個檔案無法匯入</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>沒有可匯入的內容</translation>
    </message>
    <message>
        <source>{sentences}. {sentence}</source>
        <translation>{sentences}。{sentence}</translation>
    </message>
    <message>
        <source>{sentences}.</source>
        <translation>{sentences}。</translation>
    </message>
    <message>
        <source>; decoded as {encoding}</source>
        <translation>；以 {encoding} 解碼</translation>
    </message>
    <message>
        <source>{file}: imported as "{title}" ({length} characters, id {id}){decoding}</source>
        <translation>{file}: 已匯入為「{title}」（{length} 個字元，id {id}）{decoding}</translation>
    </message>
    <message>
        <source>{file}: already imported as "{title}" ({length} characters, id {id}){decoding}</source>
        <translation>{file}: 先前已匯入為「{title}」（{length} 個字元，id {id}）{decoding}</translation>
    </message>
    <message>
        <source>{file}: imported as version {version} of "{title}" ({length} characters, id {id}; version {old_version} is {old_id}){decoding}</source>
        <translation>{file}: 已匯入為「{title}」的第 {version} 版（{length} 個字元，id {id}；第 {old_version} 版為 {old_id}）{decoding}</translation>
    </message>
    <message>
        <source>{file}: not sure of its encoding: {readings}</source>
        <translation>{file}: 無法確定其編碼：{readings}</translation>
    </message>
    <message>
        <source>{file}: annotations placed {counts}</source>
        <translation>{file}: 標註的放置為 {counts}</translation>
    </message>
    <message>
        <source>{file}: could not place {item}: no document with that text here</source>
        <translation>{file}: 無法放置 {item}：此處沒有含該文字的文件</translation>
    </message>
    <message>
        <source>it may also be {readings}; import it again with --encoding NAME to choose one (a new version, annotations carried over)</source>
        <translation>也可能是 {readings}；可用 --encoding NAME 重新匯入以選擇其一（建立新版本，標註會沿用）</translation>
    </message>
    <message>
        <source>{exact} exactly, {quote} by quote, {fuzzy} fuzzily, {orphaned} orphaned</source>
        <translation>{exact} 個完全吻合，{quote} 個依引文，{fuzzy} 個模糊比對，{orphaned} 個成為孤立</translation>
    </message>
    <message>
        <source>an annotation set</source>
        <translation>標註集</translation>
    </message>
    <message>
        <source>shipped folder {name} is missing from the installation</source>
        <translation>安裝中缺少隨附的資料夾 {name}</translation>
    </message>
    <message>
        <source>no rules for label {label} and no phrase of it tagged by hand; the rules cover: {items}</source>
        <translation>標籤 {label} 沒有規則，也沒有手動標註過的詞語；規則涵蓋：{items}</translation>
    </message>
    <message>
        <source>accept {n} suggestions</source>
        <translation>接受 {n} 個建議</translation>
    </message>
    <message>
        <source>no rule {name} (a rule is named LABEL:RULE, as suggestions show it; see --rules-report)</source>
        <translation>沒有規則 {name}（規則名稱為 LABEL:RULE，與建議中顯示的相同；見 --rules-report）</translation>
    </message>
    <message>
        <source>switch rules</source>
        <translation>切換規則</translation>
    </message>
    <message>
        <source>The document this step changed has a newer version since (or was deleted).

The undo history was cleared.</source>
        <translation>此步驟變更的文件之後已有較新版本（或已被刪除）。

復原記錄已清除。</translation>
    </message>
    <message>
        <source>{exc}

The undo history was cleared.</source>
        <translation>{exc}

復原記錄已清除。</translation>
    </message>
    <message>
        <source>tag '{label}'</source>
        <translation>標註「{label}」</translation>
    </message>
    <message>
        <source>relabel '{old}' as '{new}'</source>
        <translation>將「{old}」改標為「{new}」</translation>
    </message>
    <message>
        <source>relabel {n} annotations as '{label}'</source>
        <translation>將 {n} 個標註改標為「{label}」</translation>
    </message>
    <message>
        <source>resize '{label}'</source>
        <translation>調整「{label}」範圍</translation>
    </message>
    <message>
        <source>edit note on '{label}'</source>
        <translation>編輯「{label}」的備註</translation>
    </message>
    <message>
        <source>edit {name} on '{label}'</source>
        <translation>編輯「{label}」的 {name}</translation>
    </message>
    <message>
        <source>delete {n} annotations</source>
        <translation>刪除 {n} 個標註</translation>
    </message>
    <message>
        <source>delete '{label}'</source>
        <translation>刪除「{label}」</translation>
    </message>
    <message>
        <source>edit labels</source>
        <translation>編輯標籤</translation>
    </message>
    <message>
        <source>edit memo</source>
        <translation>編輯備忘錄</translation>
    </message>
    <message>
        <source>cohen_kappa needs equal lengths, got {count} and {count2}</source>
        <translation>cohen_kappa 需要相同長度，實際為 {count} 與 {count2}</translation>
    </message>
    <message>
        <source>fleiss_kappa needs at least two raters per item, got {m}</source>
        <translation>fleiss_kappa 每個項目需要至少兩位評分者，實際為 {m}</translation>
    </message>
    <message>
        <source>fleiss_kappa: item {i} has {count} ratings, expected {m}</source>
        <translation>fleiss_kappa：項目 {i} 有 {count} 個評分，應為 {m}</translation>
    </message>
    <message>
        <source>annotation by {annotator} names unknown document {document_id}</source>
        <translation>{annotator} 的標註指向未知的文件 {document_id}</translation>
    </message>
    <message>
        <source>annotation by {annotator} in document {document_id} has offsets {start}–{end} outside its text of {count} code points</source>
        <translation>{annotator} 在文件 {document_id} 中的標註位移 {start}–{end} 超出其 {count} 個碼位的文字</translation>
    </message>
    <message>
        <source>annotated: {who} names unknown document {unknown}</source>
        <translation>annotated：{who} 指向未知的文件 {unknown}</translation>
    </message>
    <message>
        <source>The name is empty: type the name your annotations should carry.</source>
        <translation>名稱是空的：請輸入您的標註要帶有的名稱。</translation>
    </message>
    <message>
        <source>The name contains a control character (a line break or a tab).</source>
        <translation>名稱含有控制字元（換行或定位字元）。</translation>
    </message>
    <message>
        <source>The name is longer than {MAX_NAME} characters.</source>
        <translation>名稱超過 {MAX_NAME} 個字元。</translation>
    </message>
    <message>
        <source>{name}: {raw} is not a number (e.g. 2000 or 12.5)</source>
        <translation>{name}：{raw} 不是數字（例如 2000 或 12.5）</translation>
    </message>
    <message>
        <source>{name}: {count} digits is too long a number</source>
        <translation>{name}：{count} 位數的數字太長</translation>
    </message>
    <message>
        <source>{name}: {raw} is too large</source>
        <translation>{name}：{raw} 太大</translation>
    </message>
    <message>
        <source>{name}: answer yes or no, not {raw}</source>
        <translation>{name}：請回答是或否，而不是 {raw}</translation>
    </message>
    <message>
        <source>{name}: {text} is not one of {items}</source>
        <translation>{name}：{text} 不是 {items} 之一</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>應為數字</translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation>應為有限的數字</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>應為 true 或 false</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>應為字串</translation>
    </message>
    <message>
        <source>{value} is not one of the choices {choices}</source>
        <translation>{value} 不是選項 {choices} 之一</translation>
    </message>
    <message>
        <source>an attribute has no name</source>
        <translation>有屬性沒有名稱</translation>
    </message>
    <message>
        <source>attribute {name} starts or ends with a space</source>
        <translation>屬性 {name} 的開頭或結尾有空格</translation>
    </message>
    <message>
        <source>attribute {name} is defined twice</source>
        <translation>屬性 {name} 定義了兩次</translation>
    </message>
    <message>
        <source>attribute {name} has unknown type {kind} (one of {items})</source>
        <translation>屬性 {name} 的類型 {kind} 未知（應為 {items} 之一）</translation>
    </message>
    <message>
        <source>choice attribute {name} lists no choices</source>
        <translation>選項屬性 {name} 沒有列出任何選項</translation>
    </message>
    <message>
        <source>choice attribute {name} has an empty choice</source>
        <translation>選項屬性 {name} 有空白的選項</translation>
    </message>
    <message>
        <source>choice attribute {name} lists a choice twice</source>
        <translation>選項屬性 {name} 重複列出同一個選項</translation>
    </message>
    <message>
        <source>only choice attributes list choices ({name} is {kind})</source>
        <translation>只有選項屬性可以列出選項（{name} 是 {kind}）</translation>
    </message>
    <message>
        <source>{name} = {value}: {problem}</source>
        <translation>{name} = {value}：{problem}</translation>
    </message>
    <message>
        <source>scope {scope}: one of {items}</source>
        <translation>範圍 {scope}：應為 {items} 之一</translation>
    </message>
    <message>
        <source>label {label}: no such label (the labels: {items})</source>
        <translation>標籤 {label}：沒有此標籤（現有標籤：{items}）</translation>
    </message>
    <message>
        <source>--by {by}: {whose} attribute {attribute} (known: {listed})</source>
        <translation>--by {by}：{whose}屬性 {attribute}（已知：{listed}）</translation>
    </message>
    <message>
        <source>binary data, not text (it holds NUL bytes)</source>
        <translation>二進位資料，不是文字（含有 NUL 位元組）</translation>
    </message>
    <message>
        <source>unknown encoding {name}</source>
        <translation>未知的編碼 {name}</translation>
    </message>
    <message>
        <source>{name} is not a text encoding</source>
        <translation>{name} 不是文字編碼</translation>
    </message>
    <message>
        <source>is not {encoding} ({reason} at byte {offset})</source>
        <translation>不是 {encoding}（位元組 {offset} 處：{reason}）</translation>
    </message>
    <message>
        <source>starts with a {encoding} byte-order mark but is not {encoding} ({reason} at byte {offset})</source>
        <translation>以 {encoding} 位元組順序標記開頭，但不是 {encoding}（位元組 {offset} 處：{reason}）</translation>
    </message>
    <message>
        <source>cannot tell its encoding (not UTF-8, and no other encoding fits)</source>
        <translation>無法判斷其編碼（不是 UTF-8，也沒有其他相符的編碼）</translation>
    </message>
    <message>
        <source>binary data, not text (too many control characters)</source>
        <translation>二進位資料，不是文字（控制字元太多）</translation>
    </message>
    <message>
        <source>cannot write ({reason})</source>
        <translation>無法寫入（{reason}）</translation>
    </message>
    <message>
        <source>refused: a system path under {folder}, not a place to write</source>
        <translation>已拒絕：這是 {folder} 下的系統路徑，不能寫入</translation>
    </message>
    <message>
        <source>refused: exists and is not a folder</source>
        <translation>已拒絕：已存在且不是資料夾</translation>
    </message>
    <message>
        <source>refused: a folder, not a regular file to write over</source>
        <translation>已拒絕：這是資料夾，不是可覆寫的一般檔案</translation>
    </message>
    <message>
        <source>refused: a device, pipe or socket, not a regular file to write over</source>
        <translation>已拒絕：這是裝置、管線或通訊端，不是可覆寫的一般檔案</translation>
    </message>
    <message>
        <source>folder {folder} does not exist</source>
        <translation>資料夾 {folder} 不存在</translation>
    </message>
    <message>
        <source>not a path inside {folder}</source>
        <translation>不是 {folder} 內的路徑</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>沒有可復原的動作</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>沒有可重做的動作</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是資料夾，不是檔案</translation>
    </message>
    <message>
        <source>unsupported file type {suffix} (supported: {supported})</source>
        <translation>不支援的檔案類型 {suffix}（支援：{supported}）</translation>
    </message>
    <message>
        <source>a document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>more than {millions} million characters of text</source>
        <translation>文字超過 {millions} 百萬個字元</translation>
    </message>
    <message>
        <source>the file holds no text</source>
        <translation>檔案中沒有文字</translation>
    </message>
    <message>
        <source>two labels are named {name}</source>
        <translation>有兩個標籤都叫 {name}</translation>
    </message>
    <message>
        <source>label {name} has colour {color}, not one like #0072b2</source>
        <translation>標籤 {name} 的顏色為 {color}，而不是像 #0072b2 這樣的顏色</translation>
    </message>
    <message>
        <source>labels {hotkeys} and {name} share hotkey {hotkey}</source>
        <translation>標籤 {hotkeys} 與 {name} 使用相同的快速鍵 {hotkey}</translation>
    </message>
    <message>
        <source>label {name}: {problem}</source>
        <translation>標籤 {name}：{problem}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文件</translation>
    </message>
    <message>
        <source>not a Word document (no word/document.xml inside)</source>
        <translation>不是 Word 文件（其中沒有 word/document.xml）</translation>
    </message>
    <message>
        <source>not a readable Word document ({why})</source>
        <translation>不是可讀取的 Word 文件（{why}）</translation>
    </message>
    <message>
        <source>not {kind} (not a zip archive; truncated?)</source>
        <translation>不是{kind}（不是 zip 壓縮檔；是否不完整？）</translation>
    </message>
    <message>
        <source>refused: {count} files inside, more than {MAX_MEMBERS:,} (a zip bomb?)</source>
        <translation>已拒絕：內含 {count} 個檔案，超過 {MAX_MEMBERS:,} 個（可能是 zip 炸彈？）</translation>
    </message>
    <message>
        <source>refused: {filename} would unpack {ratio} times its size (a zip bomb?)</source>
        <translation>已拒絕：{filename} 解壓後會是原大小的 {ratio} 倍（可能是 zip 炸彈？）</translation>
    </message>
    <message>
        <source>refused: it would unpack to {size:.0f} MiB, more than {limit} MiB</source>
        <translation>已拒絕：解壓後會有 {size:.0f} MiB，超過 {limit} MiB</translation>
    </message>
    <message>
        <source>refused: it unpacks to more than {limit} MiB</source>
        <translation>已拒絕：解壓後超過 {limit} MiB</translation>
    </message>
    <message>
        <source>not a readable {kind} ({name}: {why})</source>
        <translation>不是可讀取的{kind}（{name}：{why}）</translation>
    </message>
    <message>
        <source>refused: {name} declares XML entities (text made of entities is not read, and may be a billion laughs)</source>
        <translation>已拒絕：{name} 宣告了 XML 實體（不讀取由實體構成的文字，且可能是「十億笑聲」攻擊）</translation>
    </message>
    <message>
        <source>refused: {name} declares a DTD ({shown}); DTDs are not read, as they can declare entities that expand without end or reach other files</source>
        <translation>已拒絕：{name} 宣告了 DTD（{shown}）；不讀取 DTD，因為它可以宣告無限展開或存取其他檔案的實體</translation>
    </message>
    <message>
        <source>refused: more than {MAX_ELEMENTS:,} XML elements inside, more than a real document has (reading them would take gigabytes of memory)</source>
        <translation>已拒絕：內含超過 {MAX_ELEMENTS:,} 個 XML 元素，多於任何真實文件（讀取它們需要數 GB 記憶體）</translation>
    </message>
    <message>
        <source>an {kind}</source>
        <translation>{kind}</translation>
    </message>
    <message>
        <source>a {kind}</source>
        <translation>{kind}</translation>
    </message>
    <message>
        <source>not {kind} ({name} is missing)</source>
        <translation>不是{kind}（缺少 {name}）</translation>
    </message>
    <message>
        <source>refused: {name} uses the XML entity {text}, which is not read (its text would be missing)</source>
        <translation>已拒絕：{name} 使用了不讀取的 XML 實體 {text}（其文字會遺失）</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument 文字檔</translation>
    </message>
    <message>
        <source>not an OpenDocument text (no office:text body)</source>
        <translation>不是 OpenDocument 文字檔（沒有 office:text 本文）</translation>
    </message>
    <message>
        <source>EPUB book</source>
        <translation>EPUB 書籍</translation>
    </message>
    <message>
        <source>not an EPUB book (no package file named in container.xml)</source>
        <translation>不是 EPUB 書籍（container.xml 中沒有指定套件檔）</translation>
    </message>
    <message>
        <source>encrypted PDF that cannot be opened ({why})</source>
        <translation>無法開啟的加密 PDF（{why}）</translation>
    </message>
    <message>
        <source>encrypted PDF (it needs a password)</source>
        <translation>加密的 PDF（需要密碼）</translation>
    </message>
    <message>
        <source>gave up after {MAX_SECONDS} s (a hostile PDF?)</source>
        <translation>{MAX_SECONDS} 秒後放棄（可能是惡意的 PDF？）</translation>
    </message>
    <message>
        <source>not a readable PDF ({why})</source>
        <translation>不是可讀取的 PDF（{why}）</translation>
    </message>
    <message>
        <source>no extractable text (scanned image?)</source>
        <translation>沒有可擷取的文字（掃描的影像？）</translation>
    </message>
    <message>
        <source>a loop of symbolic links</source>
        <translation>符號連結形成迴圈</translation>
    </message>
    <message>
        <source>a symbolic link to a file outside {folder} (skipped: only links that stay inside the folder are followed)</source>
        <translation>指向 {folder} 外部檔案的符號連結（已略過：只追蹤留在資料夾內的連結）</translation>
    </message>
    <message>
        <source>refused: a system file under {folder}, not a document</source>
        <translation>已拒絕：這是 {folder} 下的系統檔案，不是文件</translation>
    </message>
    <message>
        <source>not a regular file (a pipe or device?)</source>
        <translation>不是一般檔案（管線或裝置？）</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>沒有此檔案</translation>
    </message>
    <message>
        <source>cannot read ({reason})</source>
        <translation>無法讀取（{reason}）</translation>
    </message>
    <message>
        <source>file is more than the {limit} MiB {what} may have</source>
        <translation>檔案超過{what}允許的 {limit} MiB</translation>
    </message>
    <message>
        <source>file is {size} MiB, more than the {limit} MiB {what} may have</source>
        <translation>檔案大小為 {size} MiB，超過{what}允許的 {limit} MiB</translation>
    </message>
    <message>
        <source>span {start}-{end} does not fit the old text ({count})</source>
        <translation>範圍 {start}-{end} 不符合舊文字（{count}）</translation>
    </message>
    <message>
        <source>{what}: {raw} is not a number</source>
        <translation>{what}：{raw} 不是數字</translation>
    </message>
    <message>
        <source>{text}: an attribute filter is NAME=VALUE or NAME~TEXT</source>
        <translation>{text}：屬性篩選的寫法為 NAME=VALUE 或 NAME~TEXT</translation>
    </message>
    <message>
        <source>{what} {text}: a date is YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>{what} {text}：日期的寫法為 YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{match} is not a regular expression: {exc}</source>
        <translation>{match} 不是正規表示式：{exc}</translation>
    </message>
    <message>
        <source>the context is a number of characters, 0 or more</source>
        <translation>上下文是字元數，須為 0 或以上</translation>
    </message>
    <message>
        <source>a query about done documents needs the done ones</source>
        <translation>關於已完成文件的查詢需要已完成的文件</translation>
    </message>
    <message>
        <source>a saved query that cannot be read: {exc}</source>
        <translation>無法讀取的已儲存查詢：{exc}</translation>
    </message>
    <message>
        <source>{count} selection cannot be placed on the text (nothing imported; --skip-unplaceable imports the rest): {found}</source>
        <translation>{count} 個選取範圍無法放到文字上（未匯入任何內容；--skip-unplaceable 可匯入其餘部分）：{found}</translation>
    </message>
    <message>
        <source>{count} selections cannot be placed on the text (nothing imported; --skip-unplaceable imports the rest): {found}</source>
        <translation>{count} 個選取範圍無法放到文字上（未匯入任何內容；--skip-unplaceable 可匯入其餘部分）：{found}</translation>
    </message>
    <message>
        <source>offset {offset} outside 0..{count}</source>
        <translation>位移 {offset} 超出 0..{count}</translation>
    </message>
    <message>
        <source>span {start}-{end} does not fit the text (length {count})</source>
        <translation>範圍 {start}-{end} 不在文字之內（長度 {count}）</translation>
    </message>
    <message>
        <source>{quote} does not equal text[{start}:{end}] {actual}</source>
        <translation>{quote} 與 text[{start}:{end}] {actual} 不相同</translation>
    </message>
    <message>
        <source>does not match the text before start</source>
        <translation>與起點之前的文字不符</translation>
    </message>
    <message>
        <source>does not match the text after end</source>
        <translation>與終點之後的文字不符</translation>
    </message>
    <message>
        <source>{items}: rules of {label} do not combine: {exc}</source>
        <translation>{items}：{label} 的規則無法合併：{exc}</translation>
    </message>
    <message>
        <source>the shipped suggestion rules (resources/suggest) are missing</source>
        <translation>缺少隨附的建議規則（resources/suggest）</translation>
    </message>
    <message>
        <source>{folder}: not a folder of rule files</source>
        <translation>{folder}：不是規則檔的資料夾</translation>
    </message>
    <message>
        <source>a rule file</source>
        <translation>規則檔</translation>
    </message>
    <message>
        <source>{where}: not UTF-8 text</source>
        <translation>{where}：不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>{where}: not valid TOML: {exc}</source>
        <translation>{where}：不是有效的 TOML：{exc}</translation>
    </message>
    <message>
        <source>{where}: unknown key {unknown} (allowed: {allowed})</source>
        <translation>{where}：未知的鍵 {unknown}（允許：{allowed}）</translation>
    </message>
    <message>
        <source>{where}: 'label' is missing or not a text (label = "claim")</source>
        <translation>{where}：缺少 'label' 或它不是文字（label = "claim"）</translation>
    </message>
    <message>
        <source>{where}: list {name} has the name of a pattern</source>
        <translation>{where}：清單 {name} 與某個模式同名</translation>
    </message>
    <message>
        <source>{where}: list {name} must be a list of non-empty texts</source>
        <translation>{where}：清單 {name} 必須是非空白文字的清單</translation>
    </message>
    <message>
        <source>{where}: pattern {name} must be a non-empty text</source>
        <translation>{where}：模式 {name} 必須是非空白的文字</translation>
    </message>
    <message>
        <source>{where}: pattern {name} has the name of a list</source>
        <translation>{where}：模式 {name} 與某個清單同名</translation>
    </message>
    <message>
        <source>{where}: pattern {name} is already defined in {patterns}</source>
        <translation>{where}：模式 {name} 已在 {patterns} 中定義</translation>
    </message>
    <message>
        <source>{where}: [yield] has unknown key {extra} (allowed: {allowed})</source>
        <translation>{where}：[yield] 有未知的鍵 {extra}（允許：{allowed}）</translation>
    </message>
    <message>
        <source>{where}: [yield] needs 'to', a list of labels</source>
        <translation>{where}：[yield] 需要 'to'，即標籤的清單</translation>
    </message>
    <message>
        <source>{where}: [yield] names the file's own label {label}</source>
        <translation>{where}：[yield] 指向此檔案自己的標籤 {label}</translation>
    </message>
    <message>
        <source>{where}: [yield] {key} must be a non-empty pattern</source>
        <translation>{where}：[yield] {key} 必須是非空白的模式</translation>
    </message>
    <message>
        <source>{where}: [yield] of {label} is already given in {yields}</source>
        <translation>{where}：{label} 的 [yield] 已在 {yields} 中給定</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be written as [[{key}]] tables</source>
        <translation>{where}：'{key}' 必須寫成 [[{key}]] 表格</translation>
    </message>
    <message>
        <source>{where}: {what} has unknown key {extra} (allowed: {allowed})</source>
        <translation>{where}：{what} 有未知的鍵 {extra}（允許：{allowed}）</translation>
    </message>
    <message>
        <source>{where}: {what} needs a 'name' (letters, digits, - and _)</source>
        <translation>{where}：{what} 需要 'name'（字母、數字、- 與 _）</translation>
    </message>
    <message>
        <source>{where}: {key} {name} needs a 'pattern'</source>
        <translation>{where}：{key} {name} 需要 'pattern'</translation>
    </message>
    <message>
        <source>{where}: {key} {name} is defined twice for {label}</source>
        <translation>{where}：{key} {name} 為 {label} 定義了兩次</translation>
    </message>
    <message>
        <source>{where}: {what}: prefix must be a non-empty text</source>
        <translation>{where}：{what}：prefix 必須是非空白的文字</translation>
    </message>
    <message>
        <source>{where}: {what}: a rule with a prefix cannot also name a span</source>
        <translation>{where}：{what}：有 prefix 的規則不能同時指定 span</translation>
    </message>
    <message>
        <source>{where}: {what}: group {groups} is in both prefix and pattern</source>
        <translation>{where}：{what}：群組 {groups} 同時出現在 prefix 與 pattern 中</translation>
    </message>
    <message>
        <source>{where}: {what}: within must be a non-empty pattern</source>
        <translation>{where}：{what}：within 必須是非空白的模式</translation>
    </message>
    <message>
        <source>{where}: {what}: a rule with 'within' cannot have a prefix</source>
        <translation>{where}：{what}：有 'within' 的規則不能有 prefix</translation>
    </message>
    <message>
        <source>{where}: {what}: attributed must be true or false, with 'within'</source>
        <translation>{where}：{what}：attributed 必須是 true 或 false，且須搭配 'within'</translation>
    </message>
    <message>
        <source>{where}: {what}: unclaimed must be true or false, without 'within'</source>
        <translation>{where}：{what}：unclaimed 必須是 true 或 false，且不可搭配 'within'</translation>
    </message>
    <message>
        <source>{where}: {what}: confidence must be a number in (0, 1]</source>
        <translation>{where}：{what}：confidence 必須是 (0, 1] 之間的數字</translation>
    </message>
    <message>
        <source>{where}: {what}: reason must be a non-empty text</source>
        <translation>{where}：{what}：reason 必須是非空白的文字</translation>
    </message>
    <message>
        <source>{where}: {what}: reason uses {{{ref}}} but the pattern has no group (?P&lt;{ref}&gt;...)</source>
        <translation>{where}：{what}：reason 使用了 {{{ref}}}，但模式中沒有群組 (?P&lt;{ref}&gt;...)</translation>
    </message>
    <message>
        <source>{where}: {what}: span {span} is not a named group of its pattern</source>
        <translation>{where}：{what}：span {span} 不是其模式中的具名群組</translation>
    </message>
    <message>
        <source>{where}: {what}: boost must be a table of group = amount</source>
        <translation>{where}：{what}：boost 必須是「群組 = 數量」的表格</translation>
    </message>
    <message>
        <source>{where}: {what}: boost names {group}, not a group</source>
        <translation>{where}：{what}：boost 指定的 {group} 不是群組</translation>
    </message>
    <message>
        <source>{where}: {what}: boost for {group} must be a number</source>
        <translation>{where}：{what}：{group} 的 boost 必須是數字</translation>
    </message>
    <message>
        <source>{where}: {what}: pattern {name} refers to itself</source>
        <translation>{where}：{what}：模式 {name} 參照了自己</translation>
    </message>
    <message>
        <source>{where}: {what} refers to {{{name}}}, which is neither a list nor a pattern of label {label}</source>
        <translation>{where}：{what} 參照了 {{{name}}}，但它既不是標籤 {label} 的清單，也不是其模式</translation>
    </message>
    <message>
        <source>{where}: {what}: not a valid regular expression: {exc}</source>
        <translation>{where}：{what}：不是有效的正規表示式：{exc}</translation>
    </message>
    <message>
        <source>{where}: [{key}] must be a table</source>
        <translation>{where}：[{key}] 必須是表格</translation>
    </message>
    <message>
        <source>{where}: {what}: names are letters, digits and _</source>
        <translation>{where}：{what}：名稱只能含字母、數字與 _</translation>
    </message>
    <message>
        <source>not valid UTF-8: byte 0x{byte} at offset {offset} (line {line})</source>
        <translation>不是有效的 UTF-8：位移 {offset} 處的位元組 0x{byte}（第 {line} 行）</translation>
    </message>
    <message>
        <source>{text} is not a UTC time like 2026-01-31T12:00:00.000Z</source>
        <translation>{text} 不是像 2026-01-31T12:00:00.000Z 這樣的 UTC 時間</translation>
    </message>
    <message>
        <source>{value} is outside the times this program holds (years 1 to 9999, in UTC)</source>
        <translation>{value} 超出本程式能存放的時間範圍（西元 1 至 9999 年，UTC）</translation>
    </message>
    <message>
        <source>a label has no name</source>
        <translation>有標籤沒有名稱</translation>
    </message>
    <message>
        <source>label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>the annotator's name is empty</source>
        <translation>標註者的名稱是空的</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>標註者</translation>
    </message>
    <message>
        <source> (a line break or a tab)</source>
        <translation>（換行或定位字元）</translation>
    </message>
    <message>
        <source>{kind} {quoted} starts or ends with a space</source>
        <translation>{kind} {quoted} 的開頭或結尾有空格</translation>
    </message>
    <message>
        <source>{kind} {quoted} contains a control character{control}</source>
        <translation>{kind} {quoted} 含有控制字元{control}</translation>
    </message>
    <message>
        <source>{kind} {name}… is longer than {limit} characters</source>
        <translation>{kind} {name}… 超過 {limit} 個字元</translation>
    </message>
    <message>
        <source>the note contains control character U+{code:04X}</source>
        <translation>備註含有控制字元 U+{code:04X}</translation>
    </message>
    <message>
        <source>the text holds a NUL character at offset {at} (binary data, not text)</source>
        <translation>文字在位移 {at} 處含有 NUL 字元（二進位資料，不是文字）</translation>
    </message>
    <message>
        <source>{value} is less than {least}</source>
        <translation>{value} 小於 {least}</translation>
    </message>
    <message>
        <source>{value} is more than {MAX_INTEGER:,} (the largest the database holds)</source>
        <translation>{value} 大於 {MAX_INTEGER:,}（資料庫能存放的最大值）</translation>
    </message>
    <message>
        <source>not valid UTF-8: byte 0x{data:02x} at offset {start}</source>
        <translation>不是有效的 UTF-8：位移 {start} 處的位元組 0x{data:02x}</translation>
    </message>
    <message>
        <source>not JSON: {msg} at line {lineno} column {colno}</source>
        <translation>不是 JSON：第 {lineno} 行第 {colno} 欄：{msg}</translation>
    </message>
    <message>
        <source>not JSON this program can read: {exc}</source>
        <translation>不是本程式能讀取的 JSON：{exc}</translation>
    </message>
    <message>
        <source>contains a lone surrogate, which is not text</source>
        <translation>含有單獨的代理字元，不是文字</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>expected {kind_name}, got {type}</source>
        <translation>應為 {kind_name}，實際為 {type}</translation>
    </message>
    <message>
        <source>expected a JSON object at the top, got {type}</source>
        <translation>最上層應為 JSON 物件，實際為 {type}</translation>
    </message>
    <message>
        <source>not an annotation set (it has no "format" field)</source>
        <translation>不是標註集（沒有 "format" 欄位）</translation>
    </message>
    <message>
        <source>unknown format {fmt} (expected {FORMAT_NAME})</source>
        <translation>未知的格式 {fmt}（應為 {FORMAT_NAME}）</translation>
    </message>
    <message>
        <source>version {version} is newer than this Annotator reads ({FORMAT_VERSION}); update Annotator</source>
        <translation>版本 {version} 比此 Annotator 能讀取的（{FORMAT_VERSION}）還新；請更新 Annotator</translation>
    </message>
    <message>
        <source>version {version} does not exist</source>
        <translation>版本 {version} 不存在</translation>
    </message>
    <message>
        <source>unknown offset unit {unit} (expected 'codepoint')</source>
        <translation>未知的位移單位 {unit}（應為 'codepoint'）</translation>
    </message>
    <message>
        <source>duplicate id {id} (also {seen_docs})</source>
        <translation>重複的 id {id}（亦見於 {seen_docs}）</translation>
    </message>
    <message>
        <source>the same text as {seen_texts} appears twice</source>
        <translation>與 {seen_texts} 相同的文字出現了兩次</translation>
    </message>
    <message>
        <source>expected an object, got {type}</source>
        <translation>應為物件，實際為 {type}</translation>
    </message>
    <message>
        <source>duplicate label {name} (also {seen})</source>
        <translation>重複的標籤 {name}（亦見於 {seen}）</translation>
    </message>
    <message>
        <source>{color} is not a colour like #0072b2</source>
        <translation>{color} 不是像 #0072b2 這樣的顏色</translation>
    </message>
    <message>
        <source>expected a string, got {type}</source>
        <translation>應為字串，實際為 {type}</translation>
    </message>
    <message>
        <source>expected a string, number or boolean, got {type}</source>
        <translation>應為字串、數字或布林值，實際為 {type}</translation>
    </message>
    <message>
        <source>empty id</source>
        <translation>id 是空的</translation>
    </message>
    <message>
        <source>not a lower-case hex SHA-256</source>
        <translation>不是小寫十六進位的 SHA-256</translation>
    </message>
    <message>
        <source>negative length {length}</source>
        <translation>長度 {length} 為負數</translation>
    </message>
    <message>
        <source>version {version} is not 1 or more</source>
        <translation>版本 {version} 不是 1 或以上</translation>
    </message>
    <message>
        <source>a document cannot be its own earlier version</source>
        <translation>文件不能是自己的較早版本</translation>
    </message>
    <message>
        <source>does not match the SHA-256 of the text</source>
        <translation>與文字的 SHA-256 不符</translation>
    </message>
    <message>
        <source>is {length} but the text has {count} code points</source>
        <translation>為 {length}，但文字有 {count} 個碼位</translation>
    </message>
    <message>
        <source>duplicate id {id} (also {seen_annotations})</source>
        <translation>重複的 id {id}（亦見於 {seen_annotations}）</translation>
    </message>
    <message>
        <source>label {label} is used but not declared in labels</source>
        <translation>標籤 {label} 有使用，但未在 labels 中宣告</translation>
    </message>
    <message>
        <source>negative offset {start}</source>
        <translation>位移 {start} 為負數</translation>
    </message>
    <message>
        <source>end {end} is before start {start}</source>
        <translation>終點 {end} 在起點 {start} 之前</translation>
    </message>
    <message>
        <source>end {end} is beyond the text's length {length}</source>
        <translation>終點 {end} 超出文字長度 {length}</translation>
    </message>
    <message>
        <source>has {count} code points but the span has {span}</source>
        <translation>有 {count} 個碼位，但範圍有 {span} 個</translation>
    </message>
    <message>
        <source>{where}: not a folder (brat standoff is a folder)</source>
        <translation>{where}：不是資料夾（brat standoff 是資料夾）</translation>
    </message>
    <message>
        <source>{where}: cannot read ({reason})</source>
        <translation>{where}：無法讀取（{reason}）</translation>
    </message>
    <message>
        <source>no matching {stem}.txt beside it</source>
        <translation>旁邊沒有對應的 {stem}.txt</translation>
    </message>
    <message>
        <source>a brat file</source>
        <translation>brat 檔案</translation>
    </message>
    <message>
        <source>{path}: not valid UTF-8 (byte {start}); brat files are UTF-8</source>
        <translation>{path}：不是有效的 UTF-8（位元組 {start}）；brat 檔案應為 UTF-8</translation>
    </message>
    <message>
        <source>annotator-label comment: {problem}</source>
        <translation>annotator-label 註解：{problem}</translation>
    </message>
    <message>
        <source>a comment</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 物件</translation>
    </message>
    <message>
        <source>needs a type and a name</source>
        <translation>需要 type 與 name</translation>
    </message>
    <message>
        <source>colour {color} is not like #0072b2</source>
        <translation>顏色 {color} 不像 #0072b2</translation>
    </message>
    <message>
        <source>hotkey and description must be text</source>
        <translation>hotkey 與 description 必須是文字</translation>
    </message>
    <message>
        <source>attributes must be a list of {{name, type, choices, brat}}</source>
        <translation>attributes 必須是 {{name, type, choices, brat}} 的清單</translation>
    </message>
    <message>
        <source>{ann_path}: cannot read ({exc})</source>
        <translation>{ann_path}：無法讀取（{exc}）</translation>
    </message>
    <message>
        <source>not a brat annotation line: {line}</source>
        <translation>不是 brat 標註行：{line}</translation>
    </message>
    <message>
        <source>duplicate id {ann_id}</source>
        <translation>重複的 id {ann_id}</translation>
    </message>
    <message>
        <source>{ann_id}: missing the annotated id</source>
        <translation>{ann_id}：缺少被標註的 id</translation>
    </message>
    <message>
        <source>{ann_id}: refers to unknown id {target}</source>
        <translation>{ann_id}：參照了未知的 id {target}</translation>
    </message>
    <message>
        <source>{t_id}: bad offsets {offsets}</source>
        <translation>{t_id}：錯誤的位移 {offsets}</translation>
    </message>
    <message>
        <source>{t_id}: fragment {start}-{end} is outside the text (0-{count} code points) or ends before it starts</source>
        <translation>{t_id}：片段 {start}-{end} 超出文字（0-{count} 個碼位），或終點在起點之前</translation>
    </message>
    <message>
        <source>{t_id}: text {tail} but the .txt has {expected} there</source>
        <translation>{t_id}：文字為 {tail}，但 .txt 在該處為 {expected}</translation>
    </message>
    <message>
        <source>{PROVENANCE} comment: expected JSON with id, annotator, created_at and updated_at</source>
        <translation>{PROVENANCE} 註解：應為含有 id、annotator、created_at 與 updated_at 的 JSON</translation>
    </message>
    <message>
        <source>attribute {brat} is not one of {name}'s</source>
        <translation>屬性 {brat} 不屬於 {name}</translation>
    </message>
    <message>
        <source>attribute {name} needs a value</source>
        <translation>屬性 {name} 需要值</translation>
    </message>
    <message>
        <source>{name}: {value} is not a number</source>
        <translation>{name}：{value} 不是數字</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>標題是空的</translation>
    </message>
    <message>
        <source>a line</source>
        <translation>一行</translation>
    </message>
    <message>
        <source>no examples: the file has no JSON lines</source>
        <translation>沒有範例：檔案中沒有 JSON 行</translation>
    </message>
    <message>
        <source>expected a JSON object, got {kind}</source>
        <translation>應為 JSON 物件，實際為 {kind}</translation>
    </message>
    <message>
        <source>expected a list of spans, got {kind}</source>
        <translation>應為範圍的清單，實際為 {kind}</translation>
    </message>
    <message>
        <source>expected [start, end, label] or an object with start_offset</source>
        <translation>應為 [start, end, label] 或含有 start_offset 的物件</translation>
    </message>
    <message>
        <source>{name} is not a whole number: {value}</source>
        <translation>{name} 不是整數：{value}</translation>
    </message>
    <message>
        <source>span {start}–{end} is empty or reversed</source>
        <translation>範圍 {start}–{end} 是空的或顛倒</translation>
    </message>
    <message>
        <source>end {end} is beyond the text's length {length} (UTF-16 code units)</source>
        <translation>終點 {end} 超出文字長度 {length}（UTF-16 編碼單位）</translation>
    </message>
    <message>
        <source>offset {value} falls inside a character written as a surrogate pair (offsets count UTF-16 code units)</source>
        <translation>位移 {value} 落在以代理對書寫的字元之中（位移以 UTF-16 編碼單位計算）</translation>
    </message>
    <message>
        <source>a Label Studio file</source>
        <translation>Label Studio 檔案</translation>
    </message>
    <message>
        <source>expected a list of tasks, got {kind}</source>
        <translation>應為任務的清單，實際為 {kind}</translation>
    </message>
    <message>
        <source>no tasks: the list is empty</source>
        <translation>沒有任務：清單是空的</translation>
    </message>
    <message>
        <source>expected a task object, got {kind}</source>
        <translation>應為任務物件，實際為 {kind}</translation>
    </message>
    <message>
        <source>missing: the task has no text to annotate</source>
        <translation>缺少：任務沒有可標註的文字</translation>
    </message>
    <message>
        <source>expected a list, got {kind}</source>
        <translation>應為清單，實際為 {kind}</translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>應為物件，實際為 {kind}</translation>
    </message>
    <message>
        <source>missing or not an object</source>
        <translation>缺少或不是物件</translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation>不是整數：{value}</translation>
    </message>
    <message>
        <source>span {start}–{end} does not hold its text {quote}, counted in code points or in UTF-16 code units</source>
        <translation>無論以碼位或 UTF-16 編碼單位計算，範圍 {start}–{end} 都不含其文字 {quote}</translation>
    </message>
    <message>
        <source>span {start}–{end} is beyond the text's length {count}</source>
        <translation>範圍 {start}–{end} 超出文字長度 {count}</translation>
    </message>
    <message>
        <source>document {id} has no text to write into a REFI-QDA project</source>
        <translation>文件 {id} 沒有可寫入 REFI-QDA 專案的文字</translation>
    </message>
    <message>
        <source>a REFI-QDA project</source>
        <translation>REFI-QDA 專案</translation>
    </message>
    <message>
        <source>not a REFI-QDA project (no project.qde inside)</source>
        <translation>不是 REFI-QDA 專案（其中沒有 project.qde）</translation>
    </message>
    <message>
        <source>not well-formed XML: {problem}</source>
        <translation>不是格式正確的 XML：{problem}</translation>
    </message>
    <message>
        <source>a DOCTYPE is not allowed in a project</source>
        <translation>專案中不允許 DOCTYPE</translation>
    </message>
    <message>
        <source>not a REFI-QDA project (root element {tag})</source>
        <translation>不是 REFI-QDA 專案（根元素為 {tag}）</translation>
    </message>
    <message>
        <source>{value} is not a date and time</source>
        <translation>{value} 不是日期與時間</translation>
    </message>
    <message>
        <source>two codes have the GUID {key}</source>
        <translation>有兩個代碼的 GUID 都是 {key}</translation>
    </message>
    <message>
        <source>has neither PlainTextContent nor plainTextPath</source>
        <translation>既沒有 PlainTextContent，也沒有 plainTextPath</translation>
    </message>
    <message>
        <source>{where} is outside the project; only texts stored inside can be imported</source>
        <translation>{where} 位於專案之外；只能匯入存放在專案內的文字</translation>
    </message>
    <message>
        <source>{where}: no such file in the archive</source>
        <translation>{where}：壓縮檔中沒有此檔案</translation>
    </message>
    <message>
        <source>names no Note ({key})</source>
        <translation>沒有指向任何 Note（{key}）</translation>
    </message>
    <message>
        <source>{doc_id} is also {seen}</source>
        <translation>{doc_id} 也是 {seen}</translation>
    </message>
    <message>
        <source>start {start} and end {end} (need 0 &lt;= start &lt; end: a selection holds at least one character)</source>
        <translation>起點 {start}、終點 {end}（須 0 &lt;= start &lt; end：選取範圍至少含一個字元）</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整數</translation>
    </message>
    <message>
        <source>has no CodeRef</source>
        <translation>沒有 CodeRef</translation>
    </message>
    <message>
        <source>names no Code ({code})</source>
        <translation>沒有指向任何 Code（{code}）</translation>
    </message>
    <message>
        <source>unknown format {name} (known: {items})</source>
        <translation>未知的格式 {name}（已知：{items}）</translation>
    </message>
    <message>
        <source>a label scheme</source>
        <translation>標籤方案</translation>
    </message>
    <message>
        <source>not a label scheme (expected format {SCHEME_FORMAT})</source>
        <translation>不是標籤方案（應為格式 {SCHEME_FORMAT}）</translation>
    </message>
    <message>
        <source>version {version} is not one this Annotator reads</source>
        <translation>此 Annotator 無法讀取版本 {version}</translation>
    </message>
    <message>
        <source>a file of annotations</source>
        <translation>標註檔</translation>
    </message>
    <message>
        <source>no text for document {id}: its quotes cannot be written</source>
        <translation>文件 {id} 沒有文字：無法寫出其引文</translation>
    </message>
    <message>
        <source>a W3C annotation file</source>
        <translation>W3C 標註檔</translation>
    </message>
    <message>
        <source>expected a JSON object or an array of annotations</source>
        <translation>應為 JSON 物件或標註的陣列</translation>
    </message>
    <message>
        <source>missing or does not include {ANNO_CONTEXT}</source>
        <translation>缺少或未包含 {ANNO_CONTEXT}</translation>
    </message>
    <message>
        <source>duplicate id {id} (also {seen})</source>
        <translation>重複的 id {id}（亦見於 {seen}）</translation>
    </message>
    <message>
        <source>expected Annotation, AnnotationCollection or AnnotationPage, got {value}</source>
        <translation>應為 Annotation、AnnotationCollection 或 AnnotationPage，實際為 {value}</translation>
    </message>
    <message>
        <source>is a link to a page; only annotations held in the file can be read</source>
        <translation>是指向頁面的連結；只能讀取檔案內的標註</translation>
    </message>
    <message>
        <source>expected an annotation object</source>
        <translation>應為標註物件</translation>
    </message>
    <message>
        <source>does not include "Annotation"</source>
        <translation>未包含 "Annotation"</translation>
    </message>
    <message>
        <source>expected a string, number or boolean</source>
        <translation>應為字串、數字或布林值</translation>
    </message>
    <message>
        <source>has no TextualBody with purpose tagging (the label)</source>
        <translation>沒有 purpose 為 tagging 的 TextualBody（即標籤）</translation>
    </message>
    <message>
        <source>has {count} tagging bodies; an annotation has one label</source>
        <translation>有 {count} 個 tagging 本體；一個標註只有一個標籤</translation>
    </message>
    <message>
        <source>has {count} comments; an annotation has one note</source>
        <translation>有 {count} 個註解；一個標註只有一則備註</translation>
    </message>
    <message>
        <source>the tagging body's value is not a label name: {problem}</source>
        <translation>tagging 本體的值不是標籤名稱：{problem}</translation>
    </message>
    <message>
        <source>missing (the annotator)</source>
        <translation>缺少（標註者）</translation>
    </message>
    <message>
        <source>has {count} creators; an annotation has one</source>
        <translation>有 {count} 個建立者；一個標註只有一個</translation>
    </message>
    <message>
        <source>expected an agent with a name (the annotator)</source>
        <translation>應為有名稱的代理者（即標註者）</translation>
    </message>
    <message>
        <source>{value} is not a date-time with a time zone</source>
        <translation>{value} 不是含時區的日期時間</translation>
    </message>
    <message>
        <source>has {count} targets; an annotation marks one span</source>
        <translation>有 {count} 個目標；一個標註只標記一個範圍</translation>
    </message>
    <message>
        <source>is only a link; a span needs a TextPositionSelector</source>
        <translation>只是連結；範圍需要 TextPositionSelector</translation>
    </message>
    <message>
        <source>missing, or without an id</source>
        <translation>缺少，或沒有 id</translation>
    </message>
    <message>
        <source>{source} does not name a document by its text (expected {DOCUMENT_IRI}&lt;hex SHA-256&gt;)</source>
        <translation>{source} 沒有以文字指明文件（應為 {DOCUMENT_IRI}&lt;十六進位 SHA-256&gt;）</translation>
    </message>
    <message>
        <source>a second {kind}</source>
        <translation>第二個 {kind}</translation>
    </message>
    <message>
        <source>has no {kind}</source>
        <translation>沒有 {kind}</translation>
    </message>
    <message>
        <source>has {count} code points but the TextPositionSelector spans {span}</source>
        <translation>有 {count} 個碼位，但 TextPositionSelector 涵蓋 {span} 個</translation>
    </message>
    <message>
        <source>{database}: no such database file to back up</source>
        <translation>{database}：沒有可備份的資料庫檔案</translation>
    </message>
    <message>
        <source>{database}: could not back up to {folder} ({exc})</source>
        <translation>{database}：無法備份到 {folder}（{exc}）</translation>
    </message>
    <message>
        <source>{backup}: not a usable backup (no such file, or an empty one)</source>
        <translation>{backup}：不是可用的備份（沒有此檔案，或檔案是空的）</translation>
    </message>
    <message>
        <source>{backup}: that is the database itself, not a backup of it</source>
        <translation>{backup}：這是資料庫本身，不是它的備份</translation>
    </message>
    <message>
        <source>{backup}: not a usable backup ({problem})</source>
        <translation>{backup}：不是可用的備份（{problem}）</translation>
    </message>
    <message>
        <source>{database}: it is open in another window or program; close it there first, then restore</source>
        <translation>{database}：已在另一個視窗或程式中開啟；請先在該處關閉，再還原</translation>
    </message>
    <message>
        <source>{database}: could not move it aside to restore ({exc})</source>
        <translation>{database}：無法將它移開以進行還原（{exc}）</translation>
    </message>
    <message>
        <source>{database}: could not restore {backup} ({exc})</source>
        <translation>{database}：無法還原 {backup}（{exc}）</translation>
    </message>
    <message>
        <source>{file}: {field} {problem}</source>
        <translation>{file}: {field} {problem}</translation>
    </message>
    <message>
        <source>is {count} characters long; the database holds at most {most}</source>
        <translation>長度為 {count} 個字元；資料庫最多只能存放 {most} 個</translation>
    </message>
    <message>
        <source>is {value}, outside the range the database holds ({low} to {high})</source>
        <translation>為 {value}，超出資料庫能存放的範圍（{low} 至 {high}）</translation>
    </message>
    <message>
        <source>{exc}, not a database file</source>
        <translation>{exc}，不是資料庫檔案</translation>
    </message>
    <message>
        <source>not a database path or URL</source>
        <translation>不是資料庫路徑或 URL</translation>
    </message>
    <message>
        <source>write each @ in the password as %40</source>
        <translation>密碼中的每個 @ 請寫成 %40</translation>
    </message>
    <message>
        <source>the server asks for a password</source>
        <translation>伺服器要求密碼</translation>
    </message>
    <message>
        <source>password authentication failed</source>
        <translation>密碼驗證失敗</translation>
    </message>
    <message>
        <source>{source} is {value}: give a whole number of seconds, such as 10</source>
        <translation>{source} 為 {value}：請提供整數秒數，例如 10</translation>
    </message>
    <message>
        <source>cannot reach the database server at {where} within {seconds} s (is it running, and is this its address? ${variable} sets the wait)</source>
        <translation>無法在 {seconds} 秒內連上位於 {where} 的資料庫伺服器（它是否正在執行？這是它的位址嗎？${variable} 可設定等待時間）</translation>
    </message>
    <message>
        <source>{database}: folder {folder} does not exist</source>
        <translation>{database}：資料夾 {folder} 不存在</translation>
    </message>
    <message>
        <source>{describe}: cannot open database ({exc})</source>
        <translation>{describe}：無法開啟資料庫（{exc}）</translation>
    </message>
    <message>
        <source>cannot read database ({reason})</source>
        <translation>無法讀取資料庫（{reason}）</translation>
    </message>
    <message>
        <source>{where}: not an Annotator database (it already holds tables: {items})</source>
        <translation>{where}：不是 Annotator 資料庫（其中已有資料表：{items}）</translation>
    </message>
    <message>
        <source>{where}: written by a newer version of Annotator (schema revision {current}); update Annotator to open it</source>
        <translation>{where}：由較新版本的 Annotator 寫入（結構修訂版 {current}）；請更新 Annotator 後再開啟</translation>
    </message>
    <message>
        <source>{where}: cannot open it: another program kept it locked for more than {LOCK_WAIT_S:.0f} s ({reason}); try again when it is done</source>
        <translation>{where}：無法開啟：另一個程式將它鎖定超過 {LOCK_WAIT_S:.0f} 秒（{reason}）；請等它完成後再試</translation>
    </message>
    <message>
        <source>{where}: cannot upgrade database ({reason})</source>
        <translation>{where}：無法升級資料庫（{reason}）</translation>
    </message>
    <message>
        <source>migration left {count} dangling references</source>
        <translation>遷移後留下 {count} 個懸空參照</translation>
    </message>
    <message>
        <source>{location}: no document with id {document_id}</source>
        <translation>{location}：沒有 id 為 {document_id} 的文件</translation>
    </message>
    <message>
        <source>{location}: the database is busy: another program (an import?) has been writing to it for over {LOCK_WAIT_S:g} s; nothing was changed, try again when it is done</source>
        <translation>{location}：資料庫忙碌中：另一個程式（匯入？）已寫入超過 {LOCK_WAIT_S:g} 秒；未做任何變更，請等它完成後再試</translation>
    </message>
    <message>
        <source>cannot open database ({reason})</source>
        <translation>無法開啟資料庫（{reason}）</translation>
    </message>
    <message>
        <source>{location}: the document of this annotation is gone</source>
        <translation>{location}：此標註的文件已不存在</translation>
    </message>
    <message>
        <source>this annotation exists already (made again elsewhere?)</source>
        <translation>此標註已存在（在別處重新建立？）</translation>
    </message>
    <message>
        <source>an identical annotation (same label and span) already exists</source>
        <translation>已有相同的標註（相同的標籤與範圍）</translation>
    </message>
    <message>
        <source>{title} version {version} has a newer version: re-read the newest one</source>
        <translation>{title} 第 {version} 版已有較新版本：請重新讀取最新版本</translation>
    </message>
    <message>
        <source>{location}: no label named {label}</source>
        <translation>{location}：沒有名為 {label} 的標籤</translation>
    </message>
    <message>
        <source>an annotation was changed or deleted elsewhere (another window?) since it was shown; the window now shows it as it is</source>
        <translation>有標註在顯示之後已在別處（另一個視窗？）變更或刪除；視窗現在顯示它目前的樣子</translation>
    </message>
    <message>
        <source>span {start}-{end} does not fit the text (length {length})</source>
        <translation>範圍 {start}-{end} 不在文字之內（長度 {length}）</translation>
    </message>
    <message>
        <source>{location}: another change is still being saved; try again</source>
        <translation>{location}：另一項變更仍在儲存中；請再試一次</translation>
    </message>
    <message>
        <source>this annotation was changed or deleted elsewhere (another window?) since it was shown; the window now shows it as it is</source>
        <translation>此標註在顯示之後已在別處（另一個視窗？）變更或刪除；視窗現在顯示它目前的樣子</translation>
    </message>
    <message>
        <source>{database}: a restore of it has not finished after {limit:.0f} s; try again when it has</source>
        <translation>{database}：還原在 {limit:.0f} 秒後仍未完成；請等它完成後再試</translation>
    </message>
    <message>
        <source>{database}: cannot create its lock file {lock_path}</source>
        <translation>{database}：無法建立其鎖定檔 {lock_path}</translation>
    </message>
    <message>
        <source>{path}: cannot open it as a database ({reason})</source>
        <translation>{path}：無法以資料庫開啟（{reason}）</translation>
    </message>
    <message>
        <source>{path}: a folder, not a database file</source>
        <translation>{path}：這是資料夾，不是資料庫檔案</translation>
    </message>
    <message>
        <source>{path}: not a regular file (a device, FIFO or socket); not a database</source>
        <translation>{path}：不是一般檔案（裝置、FIFO 或通訊端）；不是資料庫</translation>
    </message>
    <message>
        <source>{path}: a file of the operating system, not a database</source>
        <translation>{path}：這是作業系統的檔案，不是資料庫</translation>
    </message>
    <message>
        <source>{path}: the file is damaged or is not an Annotator database ({problem}). It was left as it is. {advice}</source>
        <translation>{path}：檔案已損壞，或不是 Annotator 資料庫（{problem}）。檔案保持原狀。{advice}</translation>
    </message>
    <message>
        <source>no document with id {document_id} (deleted elsewhere?)</source>
        <translation>沒有 id 為 {document_id} 的文件（已在別處刪除？）</translation>
    </message>
    <message>
        <source>{count} attribute value(s) would not fit label {label}'s definitions, e.g. {found}; change or clear those values first</source>
        <translation>{count} 個屬性值將不符合標籤 {label} 的定義，例如 {found}；請先修改或清除這些值</translation>
    </message>
    <message>
        <source>span {start}-{end} does not fit the text of {title} (length {length})</source>
        <translation>範圍 {start}-{end} 不在 {title} 的文字之內（長度 {length}）</translation>
    </message>
    <message>
        <source>the labels were changed elsewhere (another window?) since they were shown</source>
        <translation>標籤在顯示之後已在別處（另一個視窗？）變更</translation>
    </message>
    <message>
        <source>label {name} is still used by {used} annotation(s)</source>
        <translation>標籤 {name} 仍有 {used} 個標註使用</translation>
    </message>
    <message>
        <source>{created} document(s) created, {matched} matched</source>
        <translation>建立了 {created} 份文件，{matched} 份相符</translation>
    </message>
    <message>
        <source>{added} annotation(s) added, {skipped} skipped, {replaced} replaced</source>
        <translation>新增 {added} 個標註，略過 {skipped} 個，取代 {replaced} 個</translation>
    </message>
    <message>
        <source>label(s) created: {labels}</source>
        <translation>建立的標籤：{labels}</translation>
    </message>
    <message>
        <source>id {id} belongs to a different document here</source>
        <translation>id {id} 在此屬於另一份文件</translation>
    </message>
    <message>
        <source>conflict: annotation {id} is already in the database with different content ({there} there, {here} here); import with --replace to overwrite it</source>
        <translation>衝突：標註 {id} 已在資料庫中，內容不同（資料庫中為 {there}，此處為 {here}）；以 --replace 匯入即可覆寫</translation>
    </message>
    <message>
        <source>{problem} (as this database defines {label}'s {name})</source>
        <translation>{problem}（依此資料庫對 {label} 的 {name} 的定義）</translation>
    </message>
    <message>
        <source>end {end} is beyond the text's length {count}</source>
        <translation>終點 {end} 超出文字長度 {count}</translation>
    </message>
    <message>
        <source>changed while it was read</source>
        <translation>讀取期間檔案已變更</translation>
    </message>
    <message>
        <source>not read to the end</source>
        <translation>未讀取到結尾</translation>
    </message>
</context>
</TS>
