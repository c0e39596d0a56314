/**
 * The style sheet and script inlined in every report. Colours are checked for contrast (text ≥ 4.5:1 on its
 * background, bars ≥ 3:1 on white); a change is never told by colour alone (strike-through, underline, signs,
 * labels). The script only adds the filter boxes: the page reads the same without it.
 */

export const REPORT_CSS = `
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--band:#f3f4f6;--link:#0b57a4;--ins-bg:#dcf3e0;--ins:#0b4d1e;--del-bg:#fde4e2;--del:#8a1111;--mark:#fff1b8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;overflow-wrap:break-word}
main{max-width:78rem;margin:0 auto;padding:1rem}
footer{max-width:78rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--link)}a:focus,input:focus,.scroll:focus{outline:3px solid #f0a800;outline-offset:2px}
.kicker{color:var(--muted);margin:0;text-transform:uppercase;letter-spacing:.05em;font-size:.8rem}
.facts{display:grid;align-items:start;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem 1.5rem;margin:1rem 0}
.facts div{border-left:3px solid var(--line);padding-left:.6rem}.facts dt{color:var(--muted);font-size:.85rem}.facts dd{margin:0;font-weight:600}
.scroll{position:relative;max-width:100%;overflow-x:auto;margin:.5rem 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
table.narrow{width:auto;min-width:min(100%,28rem)}
caption{text-align:left;font-weight:600;padding:.3rem 0;color:var(--muted)}
th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--band);position:sticky;top:0}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot th,tfoot td{font-weight:700;background:var(--band)}
tr:target{background:var(--mark)}
td,th{min-width:3rem}.wide{min-width:18rem}
.filter{margin:1rem 0 .25rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.filter input{font:inherit;padding:.3rem .5rem;border:1px solid var(--muted);border-radius:3px;min-width:14rem;max-width:100%}
.filter output{color:var(--muted);font-size:.9rem}
.toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:.5rem 0;margin:0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.note{background:var(--band);border-left:4px solid var(--muted);padding:.5rem .75rem}
.low{font-weight:600}.muted{color:var(--muted);font-weight:400}
ins{background:var(--ins-bg);color:var(--ins);text-decoration:underline;text-decoration-thickness:2px}
del{background:var(--del-bg);color:var(--del);text-decoration:line-through}
del::before,del::after,ins::before,ins::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(100%);white-space:nowrap}
del::before{content:" [suppression : "}ins::before{content:" [ajout : "}del::after,ins::after{content:"] "}
.tag{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .3rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.tag.added{color:var(--ins)}.tag.removed{color:var(--del)}.tag.modified{color:#6b4b00}.tag.moved{color:#0b3f7a}
figure.chart{margin:1rem 0 2rem}figure.chart figcaption{font-weight:600;margin-bottom:.25rem}
svg.chart{display:block;width:100%;max-width:56rem;height:auto}svg.chart-narrow{display:none}
svg.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;fill:var(--ink)}
svg.chart .group{font-weight:700}
svg.chart .axis-line{stroke:var(--muted);stroke-width:1}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0;padding:0;list-style:none;font-size:.85rem}
.legend span{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem}
.thumb{display:block;position:relative;width:8rem;background-size:100% 100%;border:1px solid var(--line);margin-top:.3rem;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.thumb:hover,.thumb:focus{transform:scale(2.75);transform-origin:top right;z-index:1;box-shadow:0 2px 10px rgba(0,0,0,.35)}
.thumb .box{position:absolute;border:2px solid #c2002f;background:rgba(194,0,47,.08)}
.src{white-space:nowrap}
@media screen and (max-width:40rem){svg.chart-wide{display:none}svg.chart-narrow{display:block}main{padding:.5rem}h1{font-size:1.3rem}.filter input{min-width:0;width:100%}}
@media print{
  @page{margin:1.5cm}
  body{font-size:10pt}main{max-width:none;padding:0}
  .filter,.skip,.toc{display:none!important}
  .scroll{overflow:visible}
  thead th{position:static}
  thead{display:table-header-group}tr,figure,svg{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  svg.chart rect,.legend span,ins,del{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;

/** Filter boxes: show the box, hide the rows that do not contain every word typed (accents and case aside). */
export const REPORT_JS = `
(function(){
  var fold=function(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();};
  var boxes=document.querySelectorAll('[data-filter-for]');
  for(var b=0;b<boxes.length;b++)(function(box){
    var table=document.getElementById(box.getAttribute('data-filter-for'));
    if(!table)return;
    var input=box.querySelector('input'),out=box.querySelector('output');
    var rows=table.querySelectorAll('tbody tr'),keys=[];
    for(var i=0;i<rows.length;i++)keys.push(fold(rows[i].textContent));
    var apply=function(){
      var words=fold(input.value).split(/\\s+/).filter(Boolean),shown=0;
      for(var i=0;i<rows.length;i++){
        var ok=words.every(function(w){return keys[i].indexOf(w)>=0;});
        rows[i].hidden=!ok;if(ok)shown++;
      }
      out.textContent=shown+' ligne'+(shown>1?'s':'')+' affichée'+(shown>1?'s':'')+' sur '+rows.length;
    };
    input.addEventListener('input',apply);
    box.hidden=false;apply();
  })(boxes[b]);
})();
`;
