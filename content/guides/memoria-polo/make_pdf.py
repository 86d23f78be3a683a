"""Genera memoria-polo-es.pdf, la memoria del proyecto Polo, con WeasyPrint.

Uso (desde cualquier carpeta):

    /tmp/venv/bin/python content/guides/memoria-polo/make_pdf.py

Sólo usa fuentes instaladas en el sistema (DejaVu, Liberation) y no carga
ningún recurso externo: cualquier intento de leer una URL se rechaza.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "memoria-polo-es.pdf"

CSS = """
@page {
  size: A4;
  margin: 22mm 20mm 24mm 20mm;
  @bottom-center {
    content: "Memoria del proyecto Polo de Ciudadanía Participativa · " counter(page);
    font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
    font-size: 8pt;
    color: #6b6b6b;
  }
}
@page :first { @bottom-center { content: none; } }
html { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 10.5pt;
       line-height: 1.45; color: #222; }
h1, h2, h3, th, .cifra, .etiqueta, .portada p.sub {
  font-family: "DejaVu Sans", "Liberation Sans", sans-serif; }
h2 { color: #7a2e1f; font-size: 15pt; margin: 1.1em 0 0.4em;
     border-bottom: 1.5pt solid #c9603f; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 1em 0 0.3em; color: #333; }
p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; }
ul, ol { margin: 0 0 0.6em 1.2em; padding: 0; }
li { margin-bottom: 0.25em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9.5pt;
        break-inside: avoid; }
th { background: #f3e1da; text-align: left; padding: 4pt 6pt; }
td { border-bottom: 0.5pt solid #d8c4bc; padding: 4pt 6pt; vertical-align: top; }
.portada { page-break-after: always; height: 240mm; display: flex;
           flex-direction: column; justify-content: center; }
.portada h1 { font-size: 28pt; color: #7a2e1f; margin: 0 0 0.3em; line-height: 1.15; }
.portada p.sub { font-size: 13pt; color: #555; margin-bottom: 2em; }
.portada .franja { height: 6mm; background: #c9603f; margin: 1.5em 0; }
table.cifras { table-layout: fixed; margin: 0.4em 0 0.8em; break-inside: avoid; }
table.cifras td { border: none; border-left: 3pt solid #c9603f; padding: 0 3mm; }
.cifra { font-size: 18pt; font-weight: bold; color: #7a2e1f; display: block; }
.etiqueta { font-size: 8.5pt; color: #555; }
.nota { font-size: 9pt; color: #555; border-top: 0.5pt solid #ccc; padding-top: 4pt; }
.junto { break-inside: avoid; }
h2 { break-after: avoid; } h3 { break-after: avoid; }
"""

HTML = """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>Memoria del proyecto Polo de Ciudadanía Participativa</title>
<meta name="author" content="Red Polo de Ciudadanía Participativa">
<meta name="description" content="Memoria del proyecto Polo, febrero de 2017 a mayo de 2021">
</head>
<body>

<section class="portada">
  <h1>Polo de Ciudadanía Participativa</h1>
  <p class="sub">Memoria del proyecto · febrero de 2017 – mayo de 2021</p>
  <div class="franja"></div>
  <p>Oaxaca · Puebla · Guerrero</p>
  <p>Socios operativos: Fundación AVSI, SEPICJ y Centro Lindavista.<br>
     Principal donante: Unión Europea.</p>
</section>

<h2>1. Presentación</h2>
<p>Durante poco más de cuatro años, el proyecto Polo de Ciudadanía Participativa
trabajó con organizaciones de la sociedad civil, colectivos, instituciones académicas
y autoridades locales de tres estados del sur de México. Su apuesta fue que las
organizaciones conocieran mejor su entorno, fortalecieran sus capacidades internas y,
con ello, ganaran voz en las decisiones que afectan a sus comunidades.</p>
<p>Esta memoria resume qué se propuso el proyecto, dónde y con quién trabajó, qué
actividades realizó y qué resultados deja. Está dirigida a las organizaciones que
participaron y a quienes quieran recorrer un camino parecido de fortalecimiento
institucional e incidencia pública.</p>

<h2>2. Objetivos</h2>
<h3>Objetivo general</h3>
<p>Contribuir a la gobernanza democrática, al desarrollo social y a un crecimiento
incluyente y sostenible, fortaleciendo a las organizaciones civiles como actores
activos en la definición, el seguimiento y la ejecución de políticas y programas
públicos.</p>
<h3>Objetivo específico</h3>
<p>Que la sociedad civil organizada actúe como un actor calificado en el diseño de
las políticas de desarrollo territorial, para aumentar la cohesión social en Oaxaca,
Puebla y Guerrero.</p>
<p>El proyecto se alinea con los Objetivos de Desarrollo Sostenible 16 (paz, justicia
e instituciones sólidas) y 17 (alianzas para lograr los objetivos).</p>

<h2>3. Participantes</h2>
<p>A lo largo del proyecto se sumaron actores muy distintos: desde organizaciones con
años de trayectoria hasta grupos comunitarios informales y estudiantes universitarios.</p>
<table class="cifras"><tr>
  <td><span class="cifra">190</span><span class="etiqueta">organizaciones de la sociedad civil</span></td>
  <td><span class="cifra">50</span><span class="etiqueta">colectivos y grupos</span></td>
  <td><span class="cifra">7</span><span class="etiqueta">instituciones académicas</span></td>
  <td><span class="cifra">1000</span><span class="etiqueta">estudiantes universitarios</span></td>
  <td><span class="cifra">3</span><span class="etiqueta">redes</span></td>
</tr></table>

<section class="junto">
<h2>4. Territorios</h2>
<p>Polo trabajó en seis regiones, dos por estado:</p>
<table>
  <thead><tr><th>Estado</th><th>Regiones</th></tr></thead>
  <tbody>
    <tr><td>Oaxaca</td><td>Valles Centrales y Mixteca (distrito de Huajuapan de León)</td></tr>
    <tr><td>Puebla</td><td>Tehuacán y Puebla de los Ángeles</td></tr>
    <tr><td>Guerrero</td><td>Acapulco y la Montaña</td></tr>
  </tbody>
</table>
</section>

<h2>5. Líneas de trabajo</h2>
<h3>5.1 Conocer el territorio</h3>
<p>El proyecto empezó identificando a los actores principales y a las comunidades clave
de cada región. Con ellas se realizaron grupos focales y foros, primero con distintos
actores y después con autoridades locales. Todo ello alimentó una encuesta de línea
base y un estudio participativo, cuantitativo y cualitativo, con indicadores de
desarrollo territorial para las seis regiones.</p>
<h3>5.2 Formar liderazgos</h3>
<p>Tras un diálogo con instituciones académicas, que concluyó en un acuerdo con los
socios, se diseñó un modelo de formación para cuadros de organizaciones, liderazgos
comunitarios y colectivos. Se prepararon materiales pedagógicos de incidencia
ciudadana, se abrió un diplomado en ciudadanía, construcción de paz y políticas
públicas, y se planteó una red de incubadoras y un modelo de acompañamiento para
liderazgos en desarrollo local.</p>
<h3>5.3 Tejer redes</h3>
<p>Se pusieron en marcha centros de servicio permanente para organizaciones, liderazgos
y grupos locales, vinculados con redes nacionales. Las redes de los tres estados se
reunieron para conocer y discutir los resultados del diagnóstico, y se elaboraron
materiales de apoyo y un directorio temático de redes y organizaciones.</p>
<h3>5.4 Dialogar con el gobierno</h3>
<p>Se abrieron encuentros para intercambiar buenas prácticas de participación ciudadana,
se reunió un portafolio de materiales para el diálogo con los distintos órdenes de
gobierno y se organizaron foros con personas servidoras públicas de cada región para
construir agendas comunes. La meta final era un acuerdo entre organizaciones y
autoridades locales para institucionalizar la consulta ciudadana en el diseño de
políticas territoriales.</p>

<h2>6. Resultados</h2>
<ul>
  <li><strong>300 integrantes</strong> de organizaciones y colectivos de Oaxaca, Puebla y
      Guerrero concluyeron el diplomado <em>Fortalecimiento de OSC y colectivos en
      ciudadanía, construcción de paz e incidencia en políticas públicas</em>, cofinanciado
      por la Unión Europea. La versión presencial terminó y la digital estaba en preparación.</li>
  <li><strong>60 organizaciones</strong> de los tres estados fortalecieron su administración,
      su procuración de fondos y otros aspectos de gestión en talleres virtuales.</li>
  <li><strong>8 Centros de Apoyo Educativo Virtual</strong> acompañaron a niñas, niños y
      adolescentes de primaria y secundaria durante la pandemia de COVID-19, gracias al
      apoyo operativo y financiero a organizaciones de la Red Polo.</li>
  <li><strong>120 estudiantes universitarios</strong> dialogaron con organizaciones y
      autoridades de Valles Centrales y la Mixteca para identificar necesidades de
      desarrollo comunes y formular propuestas.</li>
  <li>Se elaboró el diagnóstico y la línea base de las <strong>seis regiones</strong>, el
      primer ejercicio de este tipo sobre la situación de las organizaciones civiles.</li>
  <li>El foro <em>Seguridad y Derechos Humanos para el Desarrollo Territorial</em> se
      realizó en las seis regiones.</li>
  <li>Se instalaron los centros de servicio permanente, con espacios físicos y una
      plataforma.</li>
  <li>El trabajo en red en cada región favoreció el intercambio de experiencias y
      buenas prácticas entre organizaciones.</li>
</ul>

<h2>7. Productos</h2>
<table>
  <thead><tr><th>Producto</th><th>Para qué sirve</th></tr></thead>
  <tbody>
    <tr><td>Manual de incidencia</td>
        <td>Ejercicios y preguntas para que una organización reconozca su situación,
            detecte qué mejorar y planifique su acción en lo público.</td></tr>
    <tr><td>Directorio temático</td>
        <td>Muestra el trabajo, los temas y las regiones de las organizaciones y colectivos
            de las redes de los tres estados, para facilitar alianzas y acciones conjuntas.</td></tr>
    <tr><td>Programa CAEV</td>
        <td>Documenta la experiencia de los centros virtuales de apoyo educativo durante la
            pandemia.</td></tr>
  </tbody>
</table>

<h2>8. Aprendizajes</h2>
<ol>
  <li><strong>Diagnosticar antes de formar.</strong> Una línea base ayuda a ajustar la
      formación a lo que cada región necesita y deja un punto de comparación para el futuro.</li>
  <li><strong>Sumar a la academia.</strong> Incluir a instituciones académicas y a
      estudiantes amplía las voces que participan en las agendas territoriales.</li>
  <li><strong>Las redes responden en la emergencia.</strong> Durante la pandemia, el trabajo
      pasó a lo virtual y la Red Polo reorientó parte de sus recursos hacia la niñez.</li>
  <li><strong>Dejar capacidades instaladas.</strong> Los centros de servicio permanente, el
      manual y el directorio están pensados para seguir sirviendo una vez cerrado el proyecto.</li>
</ol>

<h2>9. Cierre</h2>
<p>Polo de Ciudadanía Participativa concluyó en mayo de 2021. Lo que deja no es sólo una
lista de actividades cumplidas, sino una red de organizaciones, colectivos y
universidades que se conocen, comparten herramientas y han practicado el diálogo con
sus autoridades. El reto, a partir de ahora, es sostener esos vínculos y convertir las
agendas comunes en políticas públicas.</p>
<p class="nota">Proyecto ejecutado por Fundación AVSI, SEPICJ y Centro Lindavista, con el
financiamiento principal de la Unión Europea. Este documento resume la información
pública del proyecto.</p>

</body>
</html>
"""


def refuse_urls(url: str, *args: object, **kwargs: object) -> dict:
    """Never fetch anything: the memory must build offline, with local fonts only."""
    raise ValueError(f"external resource refused: {url}")


def main() -> None:
    document = weasyprint.HTML(string=HTML, base_url=str(HERE), url_fetcher=refuse_urls)
    document.write_pdf(OUTPUT, stylesheets=[weasyprint.CSS(string=CSS)])
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
