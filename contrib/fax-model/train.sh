#!/bin/sh
# Rebuild ocr/models/eng-fax.lstm from the installed English model (Debian's
# tesseract-ocr-eng): see README.md. `make fax-model` runs it; or, after `make bootstrap`:
#   contrib/fax-model/train.sh [WORKDIR]     (default: var/fax-model)
# About half an hour on 2 cores. Needs tesseract-ocr's training programs (lstmtraining,
# combine_tessdata), Ghostscript, and the venv's Faker (make test installs it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$root/var/fax-model}
py=$root/.venv/bin/python
export OMP_THREAD_LIMIT=1
installed=$($py -c 'from ocr.engine import find_tessdata; print(find_tessdata())')/eng.traineddata
mkdir -p "$work"
cd "$work"

# 1. The installed network, as floats: lstmtraining continues only from a float model.
combine_tessdata -u "$installed" installed. >/dev/null
$py "$here/dequantize.py" installed.lstm float.lstm

# 2. Training lines: pages 2000-2599, in two processes.
$py "$here/make_lines.py" lines 2000 300 &
$py "$here/make_lines.py" lines 2300 300
wait
$py "$here/box_files.py" lines/*.png
ls lines/*.png | sed 's/\.png$//' | xargs -P 2 -I{} tesseract {}.png {} --psm 13 -l eng lstm.train >/dev/null 2>&1
ls lines/*.lstmf > lines.list

# 3. Fine-tuning: 6,000 iterations at a learning rate of 0.0001 (a tenth of the model's own),
# then 16,000 more from where that stopped.
mkdir -p run
lstmtraining --continue_from float.lstm --traineddata "$installed" --model_output run/first \
    --train_listfile lines.list --max_iterations 6000 --learning_rate 0.0001 --reset_learning_rate
lstmtraining --continue_from run/first_checkpoint --traineddata "$installed" \
    --model_output run/second --train_listfile lines.list --max_iterations 16000

# 4. Back to integers (the installed model's speed), and its network out of the file.
lstmtraining --stop_training --convert_to_int --continue_from run/second_checkpoint \
    --traineddata "$installed" --model_output fax.traineddata
combine_tessdata -u fax.traineddata fax. >/dev/null
cp fax.lstm "$root/ocr/models/eng-fax.lstm"
sha256sum "$root/ocr/models/eng-fax.lstm"
