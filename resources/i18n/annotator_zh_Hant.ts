<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name></name>
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
        <source>Annotator</source>
        <translation>標註者</translation>
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
        <source>Candidates</source>
        <translation>候選項</translation>
    </message>
    <message>
        <source>The annotators&apos; spans to accept or reject into the gold</source>
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
        <source>Could not read the database: {problem}</source>
        <translation>無法讀取資料庫：{problem}</translation>
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
        <source>Close</source>
        <translation>關閉</translation>
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
        <source>Look in the annotations&apos; notes</source>
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
        <source> characters</source>
        <translation> 個字元</translation>
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
        <source>Write the rows, in the order shown, as annotator retrieve&apos;s CSV</source>
        <translation>依顯示順序，將各列寫成 annotator retrieve 的 CSV</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>匯出 &amp;JSON…</translation>
    </message>
    <message>
        <source>Write the rows, in the order shown, as annotator retrieve&apos;s JSON</source>
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
        <source>{annotator}&apos;s {label}: the Annotator menu hides it here.</source>
        <translation>{annotator} 的「{label}」：在此被「標註者」選單隱藏。</translation>
    </message>
</context>
</TS>
