FROM ruby:3.3-slim
RUN gem install bundler
RUN gem install --no-document rails:7.1.3 \
        webdrivers \
        'sinatra'
RUN sudo gem i -N --install-dir /gems fastlane
run gem install mysql2 -- --with-mysql-config=/usr/bin/mysql_config
ONBUILD RUN gem install rake
RUN <<EOF
set -e
gem install --user-install puma
EOF
